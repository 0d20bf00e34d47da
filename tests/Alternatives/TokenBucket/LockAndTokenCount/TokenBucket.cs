// Alternative: the textbook answer — a lock around the token level and the time of the last refill, in exact integer units; the contract tests must accept it.
namespace Katas;

public sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;

    // The level is kept in units: one token is _unitsPerToken units and each timestamp tick adds _unitsPerTick,
    // so a token takes exactly refillPeriod / refillTokens and nothing is ever rounded.
    private readonly Int128 _unitsPerToken;
    private readonly Int128 _unitsPerTick;
    private readonly Int128 _full;
    private readonly long _frequency;
    private readonly int _refillTokens;

    private Int128 _level;
    private long _lastRefill;

    public TokenBucket(int capacity, int refillTokens, TimeSpan refillPeriod, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillTokens);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPeriod, TimeSpan.Zero);

        // Filling from empty takes capacity × refillPeriod / refillTokens; at most 2^30 seconds.
        if ((Int128)capacity * refillPeriod.Ticks > (Int128)refillTokens * TimeSpan.TicksPerSecond << 30)
        {
            throw new ArgumentOutOfRangeException(nameof(refillPeriod), refillPeriod, "Filling the bucket would take more than 2^30 seconds.");
        }

        Capacity = capacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _frequency = _timeProvider.TimestampFrequency;
        _refillTokens = refillTokens;
        _unitsPerToken = (Int128)refillPeriod.Ticks * _frequency;
        _unitsPerTick = (Int128)refillTokens * TimeSpan.TicksPerSecond;
        _full = _unitsPerToken * capacity;
        _level = _full;
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
                return (int)(_level / _unitsPerToken);
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
            Int128 cost = _unitsPerToken * tokens;
            if (_level >= cost)
            {
                _level -= cost;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            // missing / _unitsPerTick timestamp ticks, in TimeSpan ticks: missing / (refillTokens * frequency), rounded up.
            Int128 missing = cost - _level;
            Int128 divisor = (Int128)_refillTokens * _frequency;
            retryAfter = TimeSpan.FromTicks((long)((missing + divisor - 1) / divisor));
            return false;
        }
    }

    private void Refill()
    {
        long now = _timeProvider.GetTimestamp();
        if (now <= _lastRefill)
        {
            // A clock that went back refills nothing; keep the later time so the same interval is not paid twice.
            return;
        }

        _level = Int128.Min(_full, _level + ((now - _lastRefill) * _unitsPerTick));
        _lastRefill = now;
    }
}
