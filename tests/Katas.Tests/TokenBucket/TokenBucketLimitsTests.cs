using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// The token bucket at the edges: buckets that take decades to fill, clocks that run for decades, rates too
/// fine for exact integer time, and how often a call may read the clock.
/// </summary>
public sealed class TokenBucketLimitsTests
{
    private const long MaxFillTicks = (1L << 30) * TimeSpan.TicksPerSecond;

    [Theory]
    [InlineData(1, 1, MaxFillTicks)]
    [InlineData(1 << 30, 1, TimeSpan.TicksPerSecond)]
    [InlineData(1 << 30, 3, 3 * TimeSpan.TicksPerSecond)]
    [InlineData(30, 1, 365 * TimeSpan.TicksPerDay)]
    public void A_bucket_that_fills_within_2_to_the_30_seconds_is_accepted(int capacity, int refillTokens, long periodTicks)
    {
        var bucket = new TokenBucket(capacity, refillTokens, TimeSpan.FromTicks(periodTicks), new FakeTimeProvider());

        bucket.AvailableTokens.Should().Be(capacity);
        bucket.TryAcquire(capacity).Should().BeTrue();
        bucket.AvailableTokens.Should().Be(0);
    }

    [Theory]
    [InlineData(1, 1, MaxFillTicks + 1)]
    [InlineData((1 << 30) + 1, 1, TimeSpan.TicksPerSecond)]
    [InlineData(int.MaxValue, 1, 365 * TimeSpan.TicksPerDay)]
    [InlineData(int.MaxValue, 1, long.MaxValue)]
    public void A_bucket_that_would_take_longer_than_2_to_the_30_seconds_to_fill_is_rejected(int capacity, int refillTokens, long periodTicks)
    {
        Action create = () => _ = new TokenBucket(capacity, refillTokens, TimeSpan.FromTicks(periodTicks), new FakeTimeProvider());

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("refillPeriod");
    }

    [Fact]
    public void Time_stays_exact_thirty_years_after_the_bucket_was_made()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(10, 5, TimeSpan.FromSeconds(1), time);
        bucket.TryAcquire(10).Should().BeTrue();

        time.Advance(TimeSpan.FromDays(30 * 365));
        bucket.AvailableTokens.Should().Be(10, "thirty years refill any bucket, and not beyond its capacity");
        bucket.TryAcquire(10).Should().BeTrue();

        time.Advance(TimeSpan.FromMilliseconds(199));
        bucket.AvailableTokens.Should().Be(0, "5 tokens a second is one every 200 ms, thirty years on as on the first day");
        time.Advance(TimeSpan.FromMilliseconds(1));
        bucket.AvailableTokens.Should().Be(1);
        bucket.TryAcquire(2, out TimeSpan retryAfter).Should().BeFalse();
        retryAfter.Should().Be(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_rate_too_fine_for_exact_time_grants_at_most_its_rate_and_nearly_all_of_it_even_thirty_years_on()
    {
        // 999,983 tokens a second (a prime, so nothing cancels) on a clock of 10^7 ticks a second: exact integer
        // time would need 999,983 units per tick and overflow a long within days. Rounding the refill interval up
        // is allowed; rounding it down, or losing more than 0.1 % of the rate, is not.
        const int Rate = 999_983;
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(1_000_000, Rate, TimeSpan.FromSeconds(1), time);

        for (int check = 0; check < 2; check++)
        {
            bucket.TryAcquire(1_000_000).Should().BeTrue();
            time.Advance(TimeSpan.FromSeconds(1));
            bucket.AvailableTokens.Should().BeInRange(Rate - (Rate / 1_000), Rate, "one second at 999,983 tokens a second");

            time.Advance(TimeSpan.FromDays(30 * 365));
            bucket.AvailableTokens.Should().Be(1_000_000, "thirty years later the bucket is full");
        }
    }

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
        private readonly FakeTimeProvider _time = new();

        public int Reads { get; private set; }

        public override long TimestampFrequency => _time.TimestampFrequency;

        public override long GetTimestamp()
        {
            Reads++;
            return _time.GetTimestamp();
        }
    }
}
