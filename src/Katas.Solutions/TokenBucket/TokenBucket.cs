using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Katas;

/// <summary>
/// The reference token bucket: lock-free, its tokens one <see cref="long"/> updated by compare-and-swap, in exact
/// integer time. The contract, member by member, is the stub's XML docs (src/Katas.Exercises/TokenBucket/TokenBucket.cs);
/// what is said here is how this implementation meets it.
/// </summary>
/// <remarks>
/// <para>
/// Every member runs in O(1) time and allocates nothing. The tokens are not a count but the instant at which the
/// bucket will be full again (the "theoretical arrival time" of the generic cell rate algorithm, GCRA). Taking n
/// tokens pushes that instant n token intervals later; a request is refused when that would put it more than a
/// whole bucket's refill time ahead of now. Refilling is implicit in the clock moving on, so there is no timer
/// and no refill step.
/// </para>
/// <para>
/// Beside it lies a second <see cref="long"/> that only ever grows: the latest clock reading any call has seen.
/// Every call acts at the later of its own reading and that one, and records its own. A clock that steps back
/// therefore neither refills nor drains the bucket: it holds what it held at the latest reading, and refills
/// nothing until the clock passes that reading again. Without it, a bucket full at 10 s would look empty at 0 s,
/// since the full-again instant lies ahead of 0 s. Reads record their reading too, as a later step back must not
/// take away what they saw.
/// </para>
/// <para>
/// Time is kept in integers: a unit is a whole fraction of one timestamp tick, chosen so that one token's refill
/// interval is a whole number of units, and tiny steps of time add up without drift. The arithmetic holds for
/// 2^30 seconds (34 years) after construction, so the units must keep that span, plus a full bucket ahead of
/// it, within a <see cref="long"/>. The exact units are used wherever they do (7 tokens a second on a 1 GHz
/// clock needs 7 × 10^9 units a second, 7.5 × 10^18 in 34 years). Where they do not, the units are the finest
/// that keep twice that span (68 years) and the interval is rounded up by less than one of them, under a
/// nanosecond, so the bucket errs on the side of granting slightly less.
/// </para>
/// <para>
/// The clock is read once per call, although reading <see cref="TimeProvider.System"/> can cost more than the
/// rest of the call: whether a request finds the bucket full, and so how much refill overflowed, depends on the
/// exact time. A retry after a lost compare-and-swap reuses the reading: see the comment in <c>TryTake</c>.
/// </para>
/// </remarks>
public sealed class TokenBucket
{
    // The span the arithmetic holds for after construction, and the longest an empty bucket may take to fill.
    private const long LifetimeSeconds = 1L << 30;
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

    // Capacity * _tokenInterval: the time an empty bucket takes to fill, and the furthest FullAt may run ahead of now.
    private readonly long _burst;

    // The only mutable state, on a cache line of its own (see TokenBucketState).
    private TokenBucketState _state;

    public TokenBucket(int capacity, int refillTokens, TimeSpan refillPeriod, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillTokens);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillPeriod, TimeSpan.Zero);

        _timeProvider = timeProvider ?? TimeProvider.System;
        long frequency = _timeProvider.TimestampFrequency;

        // One token refills in interval / unitsPerTick timestamp ticks; in lowest terms, these are the coarsest
        // units in which both a tick and a token's interval are whole.
        Int128 interval = (Int128)refillPeriod.Ticks * frequency;
        Int128 unitsPerTick = (Int128)TimeSpan.TicksPerSecond * refillTokens;
        Int128 divisor = GreatestCommonDivisor(interval, unitsPerTick);
        interval /= divisor;
        unitsPerTick /= divisor;
        if (interval * capacity > unitsPerTick * frequency * MaxFillSeconds)
        {
            throw new ArgumentOutOfRangeException(
                nameof(refillPeriod), refillPeriod, "Refilling the whole bucket at this rate would take more than 2^30 seconds (about 34 years).");
        }

        // The largest time the bucket ever holds is the end of its lifetime plus a full bucket beyond it.
        Int128 lifetimeTicks = (Int128)LifetimeSeconds * frequency;
        if ((lifetimeTicks * unitsPerTick) + (interval * capacity) > long.MaxValue)
        {
            // Too fine to last: the finest coarser units that fit, the interval rounded up so the bucket never
            // over-grants. They are sized for twice the lifetime, which still leaves a unit under a nanosecond.
            // With them, capacity * interval <= coarser * fillTicks + capacity, so the sum fits.
            Int128 fillTicks = CeilingDivide(interval * capacity, unitsPerTick);
            Int128 coarser = Int128.Max(1, (long.MaxValue - capacity) / ((2 * lifetimeTicks) + fillTicks));
            interval = CeilingDivide(interval * coarser, unitsPerTick);
            unitsPerTick = coarser;
        }

        Capacity = capacity;
        _unitsPerTick = (long)unitsPerTick;
        _unitsPerSecond = (long)(unitsPerTick * frequency);
        _tokenInterval = (long)interval;
        _burst = (long)(interval * capacity);
        _origin = _timeProvider.GetTimestamp();
    }

    public int Capacity { get; }

    public int AvailableTokens
    {
        get
        {
            long fullAt = Volatile.Read(ref _state.FullAt);
            while (true)
            {
                long now = Now(out _);

                // Re-read, so that the answer describes one moment: this state at this time.
                long current = Volatile.Read(ref _state.FullAt);
                if (current == fullAt)
                {
                    // FullAt lies at most a bucket ahead of the latest reading, so the level is never negative.
                    return (int)((_burst - Math.Max(fullAt - now, 0)) / _tokenInterval);
                }

                fullAt = current;
            }
        }
    }

    public bool TryAcquire(int tokens = 1) => TryTake(tokens, out _);

    public bool TryAcquire(int tokens, out TimeSpan retryAfter)
    {
        if (TryTake(tokens, out Int128 shortfall))
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = ToTimeSpan(shortfall);
        return false;
    }

    /// <summary>Takes the tokens, or says how many units of time are missing for them.</summary>
    private bool TryTake(int tokens, out Int128 shortfall)
    {
        if ((uint)(tokens - 1) >= (uint)Capacity)
        {
            ThrowTokensOutOfRange(tokens, Capacity);
        }

        long cost = tokens * _tokenInterval;

        // Read the state before the clock: then the time lies between the state's read and its compare-and-swap.
        long fullAt = Volatile.Read(ref _state.FullAt);
        long now = Now(out long behind);
        bool stateReadBeforeClock = true;
        while (true)
        {
            // Compared as a debt against the room left, so that nothing is computed beyond a bucket past now.
            long start = Math.Max(fullAt, now);
            if (start - now <= _burst - cost)
            {
                long next = start + cost;
                long seen = Interlocked.CompareExchange(ref _state.FullAt, next, fullAt);
                if (seen == fullAt)
                {
                    AssertInvariants(fullAt, next, now);
                    shortfall = 0;
                    return true;
                }

                // Another thread took tokens first. Retrying with the same time is sound: if that thread acted at
                // a later time, its new state lies beyond both times, so max() picks the state either way, and
                // checking the debt against the earlier time is only stricter.
                fullAt = seen;
                stateReadBeforeClock = false;
                continue;
            }

            // A refusal must describe one moment: the state must be unchanged since before the clock was read.
            long current = Volatile.Read(ref _state.FullAt);
            if (current == fullAt && stateReadBeforeClock)
            {
                // Refused, so start is fullAt: the request succeeds once the clock reaches fullAt + cost - burst.
                // The wait counts from this call's own reading, which may trail now: after a step back, the clock
                // must first catch up.
                shortfall = (Int128)(start - now) + cost - _burst + ((Int128)behind * _unitsPerTick);
                return false;
            }

            fullAt = current;
            now = Now(out behind);
            stateReadBeforeClock = true;
        }
    }

    /// <summary>
    /// Reads the clock once and records the reading. Returns the time to act at, in units since the origin: the
    /// later of this reading and the latest any call has recorded. <paramref name="behind"/> is how many ticks
    /// this reading trails that time.
    /// </summary>
    private long Now(out long behind)
    {
        long reading = _timeProvider.GetTimestamp() - _origin;
        long latest = Volatile.Read(ref _state.LatestReading);
        while (reading > latest)
        {
            long seen = Interlocked.CompareExchange(ref _state.LatestReading, reading, latest);
            if (seen == latest)
            {
                latest = reading;
                break;
            }

            latest = seen;
        }

        behind = latest - reading;
        return latest * _unitsPerTick;
    }

    private TimeSpan ToTimeSpan(Int128 units)
    {
        // Round up, so that waiting exactly this long is always enough.
        Int128 ticks = CeilingDivide(units * TimeSpan.TicksPerSecond, _unitsPerSecond);
        return TimeSpan.FromTicks((long)Int128.Min(ticks, TimeSpan.MaxValue.Ticks));
    }

    private static Int128 CeilingDivide(Int128 dividend, Int128 divisor) => (dividend + divisor - 1) / divisor;

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
        Debug.Assert(now <= Volatile.Read(ref _state.LatestReading) * _unitsPerTick, "A call acts at a time already recorded.");
        Debug.Assert(_tokenInterval > 0 && _burst == Capacity * _tokenInterval, "The burst is the capacity's worth of intervals.");
    }
}

/// <summary>The mutable state of a <see cref="TokenBucket"/>, on a cache line of its own.</summary>
/// <remarks>
/// Every successful request writes it, and so does every call that reads a later time. Sharing a line with the
/// bucket's read-only fields would make each write by one thread evict the fields every other thread reads
/// first; 128 bytes on either side also covers the adjacent-line prefetch of x64 and the 128-byte lines of some
/// ARM cores. The two fields share a line, as most calls write both.
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

    /// <summary>
    /// The latest clock reading any call has seen, in timestamp ticks since the origin; zero, the origin itself,
    /// before any. It only ever grows.
    /// </summary>
    [FieldOffset(136)]
    public long LatestReading;
}
