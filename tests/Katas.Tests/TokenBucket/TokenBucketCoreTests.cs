using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// Stage 1 of the token bucket: one thread and a fake clock. It starts full, grants what it holds, refills
/// continuously up to its capacity, and says exactly how long a refused request must wait.
/// </summary>
[Stage(1)]
public sealed class TokenBucketCoreTests
{
    [Fact]
    public void A_new_bucket_is_full_and_reports_its_capacity()
    {
        var bucket = new TokenBucket(5, 1, TimeSpan.FromSeconds(1), new FakeTimeProvider());

        bucket.Capacity.Should().Be(5);
        bucket.AvailableTokens.Should().Be(5);
    }

    [Fact]
    public void A_full_bucket_grants_exactly_its_capacity_and_then_refuses()
    {
        var bucket = new TokenBucket(5, 1, TimeSpan.FromSeconds(1), new FakeTimeProvider());

        for (int i = 0; i < 5; i++)
        {
            bucket.TryAcquire().Should().BeTrue($"token {i + 1} of 5 is there");
        }

        bucket.TryAcquire().Should().BeFalse("the bucket is empty and no time has passed");
        bucket.AvailableTokens.Should().Be(0);
    }

    [Fact]
    public void A_request_is_all_or_nothing()
    {
        var bucket = new TokenBucket(5, 1, TimeSpan.FromSeconds(1), new FakeTimeProvider());
        bucket.TryAcquire(3).Should().BeTrue();

        bucket.TryAcquire(3).Should().BeFalse("only 2 tokens are left");

        bucket.AvailableTokens.Should().Be(2, "a refused request takes nothing");
        bucket.TryAcquire(2).Should().BeTrue();
    }

    [Fact]
    public void Tokens_refill_in_proportion_to_elapsed_time()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(10, 5, TimeSpan.FromSeconds(1), time);
        bucket.TryAcquire(10).Should().BeTrue();

        time.Advance(TimeSpan.FromMilliseconds(200));
        bucket.AvailableTokens.Should().Be(1, "5 tokens a second is one every 200 ms");
        time.Advance(TimeSpan.FromMilliseconds(399));
        bucket.AvailableTokens.Should().Be(2, "599 ms give 2.995 tokens");
        time.Advance(TimeSpan.FromMilliseconds(1));
        bucket.AvailableTokens.Should().Be(3);
        time.Advance(TimeSpan.FromSeconds(1));
        bucket.AvailableTokens.Should().Be(8);
    }

    [Fact]
    public void The_refill_is_continuous_not_in_steps_of_the_period()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(10, 10, TimeSpan.FromSeconds(10), time);
        bucket.TryAcquire(10).Should().BeTrue();

        time.Advance(TimeSpan.FromSeconds(1));

        bucket.AvailableTokens.Should().Be(1, "10 tokens per 10 s is one token each second, not 10 at the end of the period");
        bucket.TryAcquire().Should().BeTrue();
    }

    [Fact]
    public void A_long_idle_never_fills_the_bucket_beyond_its_capacity()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(4, 1, TimeSpan.FromSeconds(1), time);
        bucket.TryAcquire(1).Should().BeTrue();

        time.Advance(TimeSpan.FromDays(365));

        bucket.AvailableTokens.Should().Be(4, "the bucket was full long ago and the surplus overflowed");
        bucket.TryAcquire(4).Should().BeTrue();
        bucket.TryAcquire(1).Should().BeFalse("a year of idling does not buy a burst bigger than the capacity");
    }

    [Fact]
    public void A_full_bucket_starts_refilling_only_when_a_token_is_taken()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(2, 1, TimeSpan.FromSeconds(1), time);

        time.Advance(TimeSpan.FromMilliseconds(1_700));
        bucket.TryAcquire(2).Should().BeTrue();
        time.Advance(TimeSpan.FromMilliseconds(999));

        bucket.AvailableTokens.Should().Be(0, "the refill started when the full bucket was drained, 999 ms ago");
        time.Advance(TimeSpan.FromMilliseconds(1));
        bucket.AvailableTokens.Should().Be(1);
    }

    [Fact]
    public void A_fraction_of_a_token_is_kept_when_a_whole_token_is_taken()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(3, 1, TimeSpan.FromSeconds(1), time);
        bucket.TryAcquire(3).Should().BeTrue();

        time.Advance(TimeSpan.FromMilliseconds(1_500));
        bucket.TryAcquire(1).Should().BeTrue();
        time.Advance(TimeSpan.FromMilliseconds(500));

        bucket.AvailableTokens.Should().Be(1, "the half token refilled before the take still counts");
    }

    [Fact]
    public void The_retry_after_is_the_exact_wait()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(2, 3, TimeSpan.FromSeconds(1), time);
        bucket.TryAcquire(2).Should().BeTrue();

        bucket.TryAcquire(1, out TimeSpan retryAfter).Should().BeFalse();
        retryAfter.Should().Be(TimeSpan.FromTicks(3_333_334), "one token every 1/3 s is 3,333,333.3 ticks, rounded up");
        bucket.TryAcquire(2, out TimeSpan retryAfterTwo).Should().BeFalse();
        retryAfterTwo.Should().Be(TimeSpan.FromTicks(6_666_667));

        time.Advance(retryAfter - TimeSpan.FromTicks(1));
        bucket.TryAcquire(1, out TimeSpan almost).Should().BeFalse("one tick short of the retry-after is too early");
        almost.Should().Be(TimeSpan.FromTicks(1));

        time.Advance(TimeSpan.FromTicks(1));
        bucket.TryAcquire(1, out TimeSpan granted).Should().BeTrue("the retry-after is enough");
        granted.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void The_retry_after_counts_what_has_already_refilled()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(4, 1, TimeSpan.FromSeconds(1), time);
        bucket.TryAcquire(4).Should().BeTrue();
        time.Advance(TimeSpan.FromMilliseconds(2_250));

        bucket.TryAcquire(3, out TimeSpan retryAfter).Should().BeFalse();

        retryAfter.Should().Be(TimeSpan.FromMilliseconds(750), "2.25 tokens are there and 0.75 are missing");
        bucket.AvailableTokens.Should().Be(2, "the refusal took nothing");
    }

    [Fact]
    public void A_granted_request_reports_a_zero_retry_after()
    {
        var bucket = new TokenBucket(3, 1, TimeSpan.FromSeconds(1), new FakeTimeProvider());

        bucket.TryAcquire(2, out TimeSpan retryAfter).Should().BeTrue();

        retryAfter.Should().Be(TimeSpan.Zero);
        bucket.AvailableTokens.Should().Be(1);
    }

    [Theory]
    [InlineData(1, 1, 1, 1_000)]
    [InlineData(2, 5, 3, 1_000)]
    [InlineData(3, 10, 7, 3)]
    [InlineData(4, 100, 1_000, 1_000)]
    [InlineData(5, 3, 2, 5_000)]
    [InlineData(6, 7, 9, 11)]
    public void Random_operations_match_an_exact_model_step_by_step(int seed, int capacity, int refillTokens, int periodMilliseconds) =>
        TokenBucketModel.Test.Run(new(capacity, refillTokens, TimeSpan.FromMilliseconds(periodMilliseconds)), seed, 5_000);

    [Fact]
    public void Random_operation_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        TokenBucketModel.Test.Sample(Gen.Select(Gen.Int[1, 5], Gen.Int[1, 7], Gen.Int[1, 3_000],
            (capacity, refillTokens, periodMilliseconds) => new TokenBucketModel.Setup(capacity, refillTokens, TimeSpan.FromMilliseconds(periodMilliseconds))));
}
