namespace Katas;

/// <summary>
/// A token-bucket rate limiter: it holds at most <see cref="Capacity"/> tokens, refills continuously at a
/// fixed rate, and grants a request only when enough tokens are there to pay for it.
/// </summary>
/// <remarks>
/// <para>
/// Every member must run in O(1) time and be safe to call from any number of threads at once: two threads
/// must never both spend the same token. Time comes only from the <see cref="TimeProvider"/> given to the
/// constructor (<c>GetTimestamp()</c> and <c>TimestampFrequency</c>), never from the system clock directly, and
/// each call reads it once.
/// </para>
/// <para>
/// The refill is exact on any clock, at 10^7 ticks a second as at the 10^9 of <see cref="TimeProvider.System"/>
/// on Linux: many tiny steps of time add up to exactly the tokens one big step would give, and the retry-after
/// figure is the exact wait, rounded up to the next <see cref="TimeSpan"/> tick. The arithmetic must hold for
/// decades of clock time; only where exact integer time cannot fit in 64 bits for that long may a token's refill
/// interval be rounded, and then up, by less than a nanosecond. A clock that goes backwards neither creates nor destroys tokens: the bucket keeps what
/// it held at its latest reading and refills nothing until the clock passes that reading again. See
/// src/Katas.Exercises/TokenBucket/README.md.
/// </para>
/// </remarks>
public sealed class TokenBucket
{
    /// <summary>
    /// Initializes a full bucket that holds at most <paramref name="capacity"/> tokens and gains
    /// <paramref name="refillTokens"/> tokens every <paramref name="refillPeriod"/>, continuously: one token
    /// every <paramref name="refillPeriod"/> / <paramref name="refillTokens"/>.
    /// </summary>
    /// <param name="capacity">The most tokens the bucket holds, and so the largest burst it grants.</param>
    /// <param name="refillTokens">How many tokens the bucket gains per <paramref name="refillPeriod"/>.</param>
    /// <param name="refillPeriod">The period over which <paramref name="refillTokens"/> tokens are gained.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="capacity"/> or <paramref name="refillTokens"/> is zero or negative;
    /// <paramref name="refillPeriod"/> is zero or negative, or so long that refilling an empty bucket would take
    /// more than 2^30 seconds (about 34 years).
    /// </exception>
    public TokenBucket(int capacity, int refillTokens, TimeSpan refillPeriod, TimeProvider? timeProvider = null)
    {
        throw new NotImplementedException("TokenBucket: start here. Read src/Katas.Exercises/TokenBucket/README.md, then run ./kata check token-bucket.");
    }

    /// <summary>Gets the most tokens the bucket holds.</summary>
    public int Capacity => throw new NotImplementedException("TokenBucket.Capacity is not implemented yet.");

    /// <summary>Gets the number of whole tokens in the bucket now.</summary>
    /// <remarks>
    /// O(1). Another thread may take tokens the moment after. While the clock reads earlier than the bucket's
    /// latest reading, this is what the bucket held then, less what has been taken since.
    /// </remarks>
    public int AvailableTokens => throw new NotImplementedException("TokenBucket.AvailableTokens is not implemented yet.");

    /// <summary>Takes <paramref name="tokens"/> tokens if the bucket holds that many; otherwise takes none.</summary>
    /// <param name="tokens">How many tokens to take, from 1 to <see cref="Capacity"/>.</param>
    /// <returns><see langword="true"/> when the tokens were taken.</returns>
    /// <remarks>O(1) and thread-safe: all or nothing, even when other threads ask at the same moment.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="tokens"/> is below 1 or above <see cref="Capacity"/>, so the request could never succeed.
    /// </exception>
    public bool TryAcquire(int tokens = 1)
    {
        throw new NotImplementedException("TokenBucket.TryAcquire is not implemented yet.");
    }

    /// <summary>
    /// Takes <paramref name="tokens"/> tokens if the bucket holds that many; otherwise takes none and says how
    /// long until it will.
    /// </summary>
    /// <param name="tokens">How many tokens to take, from 1 to <see cref="Capacity"/>.</param>
    /// <param name="retryAfter">
    /// <see cref="TimeSpan.Zero"/> when the tokens were taken; otherwise the shortest wait after which the same
    /// request would succeed if nothing else took tokens meanwhile, rounded up to the next tick. While the clock
    /// reads earlier than the bucket's latest reading, the wait includes the time for it to get back there.
    /// </param>
    /// <returns><see langword="true"/> when the tokens were taken.</returns>
    /// <remarks>O(1) and thread-safe: all or nothing, even when other threads ask at the same moment.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="tokens"/> is below 1 or above <see cref="Capacity"/>, so the request could never succeed.
    /// </exception>
    public bool TryAcquire(int tokens, out TimeSpan retryAfter)
    {
        throw new NotImplementedException("TokenBucket.TryAcquire (with retry-after) is not implemented yet.");
    }
}
