using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// Stage 2 of the token bucket: bad input is refused with the parameter it concerns and changes nothing, and a
/// bucket made without a clock runs on the system's.
/// </summary>
[Stage(2)]
public sealed class TokenBucketInputTests
{
    private const long MaxFillTicks = (1L << 30) * TimeSpan.TicksPerSecond;

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(6)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void A_request_for_fewer_than_one_or_more_than_capacity_tokens_is_rejected_and_changes_nothing(int tokens)
    {
        var bucket = new TokenBucket(5, 1, TimeSpan.FromSeconds(1), new FakeTimeProvider());
        bucket.TryAcquire(2).Should().BeTrue();

        ((Action)(() => bucket.TryAcquire(tokens))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tokens");
        ((Action)(() => bucket.TryAcquire(tokens, out _))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tokens");

        bucket.AvailableTokens.Should().Be(3);
    }

    [Theory]
    [InlineData(0, 1, 1_000, "capacity")]
    [InlineData(-1, 1, 1_000, "capacity")]
    [InlineData(int.MinValue, 1, 1_000, "capacity")]
    [InlineData(1, 0, 1_000, "refillTokens")]
    [InlineData(1, -5, 1_000, "refillTokens")]
    [InlineData(1, 1, 0, "refillPeriod")]
    [InlineData(1, 1, -1_000, "refillPeriod")]
    public void A_capacity_or_rate_out_of_range_is_rejected(int capacity, int refillTokens, int periodMilliseconds, string parameter)
    {
        Action create = () => _ = new TokenBucket(capacity, refillTokens, TimeSpan.FromMilliseconds(periodMilliseconds), new FakeTimeProvider());

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
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
    public void Without_a_time_provider_the_bucket_runs_on_the_system_clock()
    {
        var bucket = new TokenBucket(3, 3, TimeSpan.FromHours(1));

        bucket.TryAcquire(3).Should().BeTrue();
        bucket.TryAcquire(1, out TimeSpan retryAfter).Should().BeFalse();

        retryAfter.Should().BeGreaterThan(TimeSpan.FromMinutes(19)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(20),
            "one token refills every 20 minutes of real time, and this test takes far less than a minute");
    }
}
