using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// Stage 4 of the token bucket, the cost of a call on every request's path: one clock read, and nothing allocated.
/// </summary>
[Stage(4)]
public sealed class TokenBucketCallCostTests
{
    [Fact]
    public void Each_call_reads_the_clock_once()
    {
        var time = new ClockReadCounter();
        var bucket = new TokenBucket(2, 1, TimeSpan.FromSeconds(1), time);

        AssertOneRead(time, () => bucket.TryAcquire(), "a granted TryAcquire()");
        AssertOneRead(time, () => bucket.TryAcquire(1, out _), "a granted TryAcquire(tokens, out retryAfter)");
        AssertOneRead(time, () => bucket.TryAcquire(), "a refused TryAcquire()");
        AssertOneRead(time, () => bucket.TryAcquire(2, out _), "a refused TryAcquire(tokens, out retryAfter)");
        AssertOneRead(time, () => _ = bucket.AvailableTokens, "AvailableTokens");

        time.Time.Advance(TimeSpan.FromSeconds(1));
        AssertOneRead(time, () => _ = bucket.AvailableTokens, "AvailableTokens after a refill");
        time.Time.AdjustTime(time.Time.GetUtcNow() - TimeSpan.FromSeconds(5));
        AssertOneRead(time, () => bucket.TryAcquire(), "a granted TryAcquire() on a clock that stepped back");
        AssertOneRead(time, () => bucket.TryAcquire(1, out _), "a refused TryAcquire(tokens, out retryAfter) on a clock that stepped back");
    }

    [Fact]
    public void Granting_and_refusing_allocate_nothing()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(100, 1_000, TimeSpan.FromSeconds(1), time);
        bucket.TryAcquire(1, out _);
        _ = bucket.AvailableTokens;

        int granted = 0;
        long allocated = Allocations.Fewest(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                if (bucket.TryAcquire(1 + (i % 3), out _))
                {
                    granted++;
                }

                _ = bucket.AvailableTokens;
                time.Advance(TimeSpan.FromTicks(5_000));
            }
        });

        allocated.Should().Be(0, "a rate limiter sits on every request's path and must not feed the garbage collector");
        granted.Should().BeGreaterThan(0);
    }

    private static void AssertOneRead(ClockReadCounter time, Action call, string what)
    {
        int before = time.Reads;
        call();
        (time.Reads - before).Should().Be(1, $"{what} on an uncontended bucket should read the clock once: reading the system clock costs more than the rest of the call");
    }

    /// <summary>A fake clock that counts how often it is read.</summary>
    private sealed class ClockReadCounter : TimeProvider
    {
        public FakeTimeProvider Time { get; } = new();

        public int Reads { get; private set; }

        public override long TimestampFrequency => Time.TimestampFrequency;

        public override long GetTimestamp()
        {
            Reads++;
            return Time.GetTimestamp();
        }
    }
}
