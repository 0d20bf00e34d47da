namespace Katas.Tests;

/// <summary>
/// A token bucket too simple to be wrong, for a clock that counts <see cref="TimeSpan"/> ticks (as
/// FakeTimeProvider does): the level is kept in integer units in which one token is
/// <c>refillPeriod.Ticks</c> units and every tick adds <c>refillTokens</c> units, so nothing is ever rounded.
/// Time only moves forward here.
/// </summary>
internal sealed class TokenBucketModel(int capacity, int refillTokens, TimeSpan refillPeriod)
{
    private readonly long _unitsPerToken = refillPeriod.Ticks;
    private readonly long _full = capacity * refillPeriod.Ticks;
    private long _level = capacity * refillPeriod.Ticks;

    public int AvailableTokens => (int)(_level / _unitsPerToken);

    public void Advance(TimeSpan elapsed)
    {
        // Compare before multiplying: a long idle would overflow, and the bucket is full long before.
        long room = _full - _level;
        _level = elapsed.Ticks >= (room / refillTokens) + 1 ? _full : Math.Min(_full, _level + (elapsed.Ticks * refillTokens));
    }

    public bool TryAcquire(int tokens, out TimeSpan retryAfter)
    {
        long cost = tokens * _unitsPerToken;
        if (_level >= cost)
        {
            _level -= cost;
            retryAfter = TimeSpan.Zero;
            return true;
        }

        long missing = cost - _level;
        retryAfter = TimeSpan.FromTicks((missing + refillTokens - 1) / refillTokens);
        return false;
    }
}
