using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// A fake clock of any frequency, moved by hand in whole ticks, forward or back. FakeTimeProvider counts 10^7
/// ticks a second; this one can count the 10^9 that <see cref="TimeProvider.System"/> reports on Linux, where a
/// token's refill interval is rarely a whole number of ticks.
/// </summary>
/// <param name="frequency">Its ticks a second.</param>
internal sealed class TokenBucketClock(long frequency) : TimeProvider
{
    /// <summary>The frequency of <see cref="TimeProvider.System"/> on Linux: a tick is a nanosecond.</summary>
    public const long Gigahertz = 1_000_000_000;

    // The timestamp now. It starts far from zero, as a real clock's does, so a bucket must measure from its own start.
    private long _timestamp = 1L << 50;

    /// <inheritdoc/>
    public override long TimestampFrequency => frequency;

    /// <summary>Makes the clock of a frequency: FakeTimeProvider's own for 10^7 ticks a second, else this one.</summary>
    /// <param name="frequency">Ticks a second.</param>
    /// <returns>The clock, and a way to move it by a number of ticks, forward or back.</returns>
    public static (TimeProvider Clock, Action<long> Move) Make(long frequency)
    {
        if (frequency == TimeSpan.TicksPerSecond)
        {
            var time = new FakeTimeProvider();
            return (time, ticks => time.AdjustTime(time.GetUtcNow() + TimeSpan.FromTicks(ticks)));
        }

        var clock = new TokenBucketClock(frequency);
        return (clock, clock.Move);
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => Volatile.Read(ref _timestamp);

    /// <summary>Moves the clock on by a number of ticks, or back when it is negative.</summary>
    /// <param name="ticks">How far.</param>
    public void Move(long ticks) => Interlocked.Add(ref _timestamp, ticks);
}
