// Mistake: a different design, not an edit of an answer. Tokens are a double topped up by elapsed seconds × rate on every call, so rounding errors drift and tiny steps do not add up.
namespace Katas;

public sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly double _tokensPerSecond;

    private double _tokens;
    private long _lastRefill;

    public TokenBucket(int capacity, int refillTokens, TimeSpan refillPeriod, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillTokens);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPeriod, TimeSpan.Zero);
        Capacity = capacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _tokensPerSecond = refillTokens / refillPeriod.TotalSeconds;
        _tokens = capacity;
        _lastRefill = _timeProvider.GetTimestamp();
    }

    public int Capacity { get; }

    public int AvailableTokens
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return (int)Math.Floor(_tokens);
            }
        }
    }

    public bool TryAcquire(int tokens = 1) => TryAcquire(tokens, out _);

    public bool TryAcquire(int tokens, out TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokens);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tokens, Capacity);
        lock (_lock)
        {
            Refill();
            if (_tokens >= tokens)
            {
                _tokens -= tokens;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromTicks((long)Math.Ceiling((tokens - _tokens) / _tokensPerSecond * TimeSpan.TicksPerSecond));
            return false;
        }
    }

    private void Refill()
    {
        long now = _timeProvider.GetTimestamp();
        if (now <= _lastRefill)
        {
            return;
        }

        double seconds = (now - _lastRefill) / (double)_timeProvider.TimestampFrequency;
        _tokens = Math.Min(Capacity, _tokens + (seconds * _tokensPerSecond));
        _lastRefill = now;
    }
}
