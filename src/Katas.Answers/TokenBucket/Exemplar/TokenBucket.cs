namespace Katas;

/// <summary>
/// The token bucket a strong candidate writes in 45 minutes: a lock around a token level and the clock reading it
/// was refilled to, in exact integer units. The contract is the stub's XML docs
/// (src/Katas.Exercises/TokenBucket/TokenBucket.cs); README.md beside this folder says why this design and what it costs.
/// </summary>
public sealed class TokenBucket
{
    // Makes each call's refill and take one step: two threads must never both see the last token.
    private readonly Lock _lock = new();

    // The clock, read once per call.
    private readonly TimeProvider _timeProvider;

    // One token is _unitsPerToken units and each timestamp tick adds _unitsPerTick, so a token takes exactly
    // refillPeriod / refillTokens on any clock and nothing is ever rounded. Int128 holds the products for decades.
    private readonly Int128 _unitsPerToken;
    private readonly Int128 _unitsPerTick;

    // A full bucket, in units.
    private readonly Int128 _full;

    // Units per second, to turn a wait in units into a TimeSpan.
    private readonly Int128 _unitsPerSecond;

    // The tokens in the bucket at _lastReading, in units.
    private Int128 _level;

    // The latest clock reading: the level is as of then, and only time past it refills.
    private long _lastReading;

    public TokenBucket(int capacity, int refillTokens, TimeSpan refillPeriod, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillTokens);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPeriod, TimeSpan.Zero);

        // Filling from empty takes capacity × refillPeriod / refillTokens; at most 2^30 seconds.
        if ((Int128)capacity * refillPeriod.Ticks > ((Int128)refillTokens * TimeSpan.TicksPerSecond) << 30)
        {
            throw new ArgumentOutOfRangeException(nameof(refillPeriod), refillPeriod, "Filling the bucket would take more than 2^30 seconds.");
        }

        Capacity = capacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
        long frequency = _timeProvider.TimestampFrequency;
        _unitsPerToken = (Int128)refillPeriod.Ticks * frequency;
        _unitsPerTick = (Int128)refillTokens * TimeSpan.TicksPerSecond;
        _full = _unitsPerToken * capacity;
        _unitsPerSecond = _unitsPerTick * frequency;
        _level = _full;
        _lastReading = _timeProvider.GetTimestamp();
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
            long behind = Refill();
            Int128 cost = _unitsPerToken * tokens;
            if (_level >= cost)
            {
                _level -= cost;
                retryAfter = TimeSpan.Zero;
                return true;
            }

            // A clock that is behind must first catch up with the last reading; then the missing units refill.
            // Round up, so that waiting exactly this long is enough.
            Int128 wait = cost - _level + (behind * _unitsPerTick);
            Int128 ticks = ((wait * TimeSpan.TicksPerSecond) + _unitsPerSecond - 1) / _unitsPerSecond;
            retryAfter = TimeSpan.FromTicks((long)Int128.Min(ticks, TimeSpan.MaxValue.Ticks));
            return false;
        }
    }

    // Adds what has flowed in since the last reading, never past full, and returns 0. A clock that reads earlier
    // than that adds nothing and takes nothing: the bucket keeps its level and its later reading, so that the
    // same stretch of time is not paid twice. It returns how many ticks the clock is behind.
    private long Refill()
    {
        long now = _timeProvider.GetTimestamp();
        if (now < _lastReading)
        {
            return _lastReading - now;
        }

        _level = Int128.Min(_full, _level + ((now - _lastReading) * _unitsPerTick));
        _lastReading = now;
        return 0;
    }
}
