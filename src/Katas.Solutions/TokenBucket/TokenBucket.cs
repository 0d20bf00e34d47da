using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Katas;

/// <summary>
/// A token-bucket rate limiter: it holds at most <see cref="Capacity"/> tokens, refills continuously at a
/// fixed rate, and grants a request only when enough tokens are there to pay for it.
/// </summary>
/// <remarks>
/// <para>
/// Every member runs in O(1) time, allocates nothing and is safe to call from any number of threads at
/// once. The bucket is lock-free: its whole state is one <see cref="long"/>, updated with a single
/// compare-and-swap.
/// </para>
/// <para>
/// The state is not a token count but the instant at which the bucket will be full again (the "theoretical
/// arrival time" of the generic cell rate algorithm, GCRA). Taking n tokens pushes that instant n token
/// intervals later; a request is refused when that would put it more than a whole bucket's refill time
/// ahead of now. Refilling is implicit in the clock moving on, so there is no timer and no refill step.
/// </para>
/// <para>
/// Time is kept in integers: a unit is a whole fraction of one timestamp tick, chosen so that one token's
/// refill interval is a whole number of units. Tiny steps therefore accumulate without drift, and the
/// retry-after figure is exact (rounded up to the next <see cref="TimeSpan"/> tick). For a rate whose interval
/// would need units finer than 2^32 a second, the interval is rounded up by less than one such unit, so the
/// bucket errs on the side of granting slightly less. The arithmetic holds for 34 years after construction.
/// </para>
/// <para>
/// The clock is read on every call, although reading <see cref="TimeProvider.System"/> can cost more than the
/// rest of the call. Whether a request finds the bucket full, and so how much refill overflowed, depends on
/// the exact time; a cached or coarser reading would grant tokens the bucket did not have, or refuse some it
/// did. A retry after a lost compare-and-swap reuses the reading, though: see the comment in <c>TryTake</c>.
/// </para>
/// </remarks>
public sealed class TokenBucket
{
    // At most this many units a second, and at most this many seconds to fill an empty bucket (about 34 years):
    // so the debt spans at most 2^62 units, and the clock runs 34 years before it does.
    private const long MaxUnitsPerSecond = 1L << 32;
    private const long MaxFillSeconds = 1L << 30;

    // The clock; FakeTimeProvider drives it in tests.
    private readonly TimeProvider _timeProvider;

    // The provider's timestamp at construction: times are measured from it, which keeps them small.
    private readonly long _origin;

    // Units per timestamp tick, and per second (for converting a wait into a TimeSpan).
    private readonly long _unitsPerTick;
    private readonly long _unitsPerSecond;

    // Units one token takes to refill.
    private readonly long _tokenInterval;

    // Capacity * _tokenInterval: the time an empty bucket takes to fill, and the furthest _fullAt may run ahead of now.
    private readonly long _burst;

    // The only mutable state, on a cache line of its own (see TokenBucketState).
    private TokenBucketState _state;

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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillTokens);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPeriod, TimeSpan.Zero);

        _timeProvider = timeProvider ?? TimeProvider.System;
        long frequency = _timeProvider.TimestampFrequency;

        // One token refills in interval / unitsPerTick timestamp ticks; reduce the fraction to lowest terms.
        Int128 interval = (Int128)refillPeriod.Ticks * frequency;
        Int128 unitsPerTick = (Int128)TimeSpan.TicksPerSecond * refillTokens;
        Int128 divisor = GreatestCommonDivisor(interval, unitsPerTick);
        interval /= divisor;
        unitsPerTick /= divisor;
        if (unitsPerTick * frequency > MaxUnitsPerSecond)
        {
            // Too fine to last: use coarser units and round the interval up, so the bucket never over-grants.
            Int128 coarser = Int128.Max(1, MaxUnitsPerSecond / frequency);
            interval = ((interval * coarser) + unitsPerTick - 1) / unitsPerTick;
            unitsPerTick = coarser;
        }

        Int128 burst = interval * capacity;
        Int128 unitsPerSecond = unitsPerTick * frequency;
        if (burst > unitsPerSecond * MaxFillSeconds)
        {
            throw new ArgumentOutOfRangeException(
                nameof(refillPeriod), refillPeriod, "Refilling the whole bucket at this rate would take more than 2^30 seconds (about 34 years).");
        }

        Capacity = capacity;
        _unitsPerTick = (long)unitsPerTick;
        _unitsPerSecond = (long)unitsPerSecond;
        _tokenInterval = (long)interval;
        _burst = (long)burst;
        _origin = _timeProvider.GetTimestamp();
    }

    /// <summary>Gets the most tokens the bucket holds.</summary>
    public int Capacity { get; }

    /// <summary>Gets the number of whole tokens in the bucket now.</summary>
    /// <remarks>O(1); reads the clock once. Another thread may take tokens the moment after.</remarks>
    public int AvailableTokens
    {
        get
        {
            long fullAt = Volatile.Read(ref _state.FullAt);
            while (true)
            {
                long now = Now();

                // Re-read, so that the answer describes one moment: this state at this time.
                long current = Volatile.Read(ref _state.FullAt);
                if (current == fullAt)
                {
                    long level = _burst - Math.Max(fullAt - now, 0);

                    // Negative only when the clock has gone back past a moment the bucket was used at.
                    return (int)(Math.Max(level, 0) / _tokenInterval);
                }

                fullAt = current;
            }
        }
    }

    /// <summary>Takes <paramref name="tokens"/> tokens if the bucket holds that many; otherwise takes none.</summary>
    /// <param name="tokens">How many tokens to take, from 1 to <see cref="Capacity"/>.</param>
    /// <returns><see langword="true"/> when the tokens were taken.</returns>
    /// <remarks>O(1), lock-free and allocation-free; reads the clock once, twice if it loses a race and then refuses.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="tokens"/> is below 1 or above <see cref="Capacity"/>, so the request could never succeed.
    /// </exception>
    public bool TryAcquire(int tokens = 1) => TryTake(tokens, out _);

    /// <summary>
    /// Takes <paramref name="tokens"/> tokens if the bucket holds that many; otherwise takes none and says how
    /// long until it will.
    /// </summary>
    /// <param name="tokens">How many tokens to take, from 1 to <see cref="Capacity"/>.</param>
    /// <param name="retryAfter">
    /// <see cref="TimeSpan.Zero"/> when the tokens were taken; otherwise the shortest wait after which the same
    /// request would succeed if nothing else took tokens meanwhile, rounded up to the next tick.
    /// </param>
    /// <returns><see langword="true"/> when the tokens were taken.</returns>
    /// <remarks>O(1), lock-free and allocation-free; reads the clock once, twice if it loses a race and then refuses.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="tokens"/> is below 1 or above <see cref="Capacity"/>, so the request could never succeed.
    /// </exception>
    public bool TryAcquire(int tokens, out TimeSpan retryAfter)
    {
        if (TryTake(tokens, out long shortfall))
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = ToTimeSpan(shortfall);
        return false;
    }

    /// <summary>Takes the tokens, or says how many units of time are missing for them.</summary>
    private bool TryTake(int tokens, out long shortfall)
    {
        if ((uint)(tokens - 1) >= (uint)Capacity)
        {
            ThrowTokensOutOfRange(tokens, Capacity);
        }

        long cost = tokens * _tokenInterval;

        // Read the state before the clock: then the time lies between the state's read and its compare-and-swap.
        long fullAt = Volatile.Read(ref _state.FullAt);
        long now = Now();
        bool stateReadBeforeClock = true;
        while (true)
        {
            long next = Math.Max(fullAt, now) + cost;
            if (next - now <= _burst)
            {
                long seen = Interlocked.CompareExchange(ref _state.FullAt, next, fullAt);
                if (seen == fullAt)
                {
                    AssertInvariants(fullAt, next, now);
                    shortfall = 0;
                    return true;
                }

                // Another thread took tokens first. Retrying with the same clock reading is sound: if that
                // thread read a later time, its new state lies beyond both readings, so max() picks the state
                // either way, and checking the burst against the earlier reading is only stricter.
                fullAt = seen;
                stateReadBeforeClock = false;
                continue;
            }

            // A refusal must describe one moment: the state must be unchanged since before the clock was read.
            long current = Volatile.Read(ref _state.FullAt);
            if (current == fullAt && stateReadBeforeClock)
            {
                shortfall = next - now - _burst;
                return false;
            }

            fullAt = current;
            now = Now();
            stateReadBeforeClock = true;
        }
    }

    private long Now() => (_timeProvider.GetTimestamp() - _origin) * _unitsPerTick;

    private TimeSpan ToTimeSpan(long units)
    {
        // Round up, so that waiting exactly this long is always enough.
        Int128 ticks = (((Int128)units * TimeSpan.TicksPerSecond) + _unitsPerSecond - 1) / _unitsPerSecond;
        return TimeSpan.FromTicks((long)Int128.Min(ticks, TimeSpan.MaxValue.Ticks));
    }

    private static Int128 GreatestCommonDivisor(Int128 a, Int128 b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    [DoesNotReturn]
    private static void ThrowTokensOutOfRange(int tokens, int capacity) =>
        throw new ArgumentOutOfRangeException(nameof(tokens), tokens, $"A request takes from 1 to {capacity} tokens (the capacity).");

    [Conditional("DEBUG")]
    private void AssertInvariants(long previous, long next, long now)
    {
        Debug.Assert(next > previous, "Taking tokens moves the full-again instant later; it never moves back.");
        Debug.Assert(next - now <= _burst, "A granted request leaves the bucket at most one whole refill behind.");
        Debug.Assert(_tokenInterval > 0 && _burst == Capacity * _tokenInterval, "The burst is the capacity's worth of intervals.");
    }
}

/// <summary>The mutable state of a <see cref="TokenBucket"/>, on a cache line of its own.</summary>
/// <remarks>
/// Every successful request writes it. Sharing a line with the bucket's read-only fields would make each
/// write by one thread evict the fields every other thread reads first; 128 bytes on either side also
/// covers the adjacent-line prefetch of x64 and the 128-byte lines of some ARM cores.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct TokenBucketState
{
    /// <summary>
    /// The instant, in units since the bucket's origin, at which the bucket will be full if nothing more is
    /// taken; at or before now, the bucket is full. It only ever grows.
    /// </summary>
    [FieldOffset(128)]
    public long FullAt;
}
