using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>The contract of the token-bucket kata, single-threaded, with time driven by FakeTimeProvider.</summary>
public sealed class TokenBucketTests
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

    [Theory]
    [InlineData(3, 1_000, 10_000, 3_000)]
    [InlineData(10, 1_000, 1, 1_000_000)]
    [InlineData(7, 3, 1, 90_000)]
    [InlineData(1, 3, 7, 50_000)]
    public void Many_tiny_steps_add_up_to_exactly_what_one_big_step_gives(int refillTokens, int periodMilliseconds, int stepTicks, int steps)
    {
        var time = new FakeTimeProvider();
        var period = TimeSpan.FromMilliseconds(periodMilliseconds);
        var bucket = new TokenBucket(1_000_000, refillTokens, period, time);
        bucket.TryAcquire(1_000_000).Should().BeTrue();

        for (long step = 1; step <= steps; step++)
        {
            time.Advance(TimeSpan.FromTicks(stepTicks));

            // Exact integer arithmetic: the tokens after `step` steps, floored.
            long expected = step * stepTicks * refillTokens / period.Ticks;
            int available = bucket.AvailableTokens;
            if (available != expected)
            {
                available.Should().Be((int)expected, $"after {step} steps of {stepTicks} ticks the refill must not drift");
            }
        }
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

    [Fact]
    public void A_clock_going_backwards_does_not_refill_the_bucket()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(5, 1, TimeSpan.FromSeconds(1), time);
        DateTimeOffset start = time.GetUtcNow();
        bucket.TryAcquire(5).Should().BeTrue();

        time.AdjustTime(start - TimeSpan.FromSeconds(10));
        bucket.TryAcquire().Should().BeFalse("going back in time refills nothing");
        bucket.AvailableTokens.Should().Be(0);

        time.AdjustTime(start);
        bucket.AvailableTokens.Should().Be(0, "coming back to the moment the bucket was drained refills nothing either");
        time.Advance(TimeSpan.FromSeconds(2));
        bucket.AvailableTokens.Should().Be(2, "only forward time refills, exactly as if the clock had never jumped");
    }

    [Fact]
    public void A_clock_going_backwards_never_grants_more_than_forward_time_allows()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(5, 1, TimeSpan.FromSeconds(1), time);
        DateTimeOffset start = time.GetUtcNow();

        time.AdjustTime(start - TimeSpan.FromSeconds(3));
        int granted = DrainOneByOne(bucket);
        time.AdjustTime(start);
        granted += DrainOneByOne(bucket);
        time.Advance(TimeSpan.FromSeconds(1));
        granted += DrainOneByOne(bucket);

        granted.Should().Be(6, "the capacity plus one second of refill; the jump back and forth is worth nothing");
    }

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

    [Fact]
    public void Without_a_time_provider_the_bucket_runs_on_the_system_clock()
    {
        var bucket = new TokenBucket(3, 3, TimeSpan.FromHours(1));

        bucket.TryAcquire(3).Should().BeTrue();
        bucket.TryAcquire(1, out TimeSpan retryAfter).Should().BeFalse();

        retryAfter.Should().BeGreaterThan(TimeSpan.FromMinutes(19)).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(20),
            "one token refills every 20 minutes of real time, and this test takes far less than a minute");
    }

    [Fact]
    public void Granting_and_refusing_allocate_nothing()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(100, 1_000, TimeSpan.FromSeconds(1), time);
        bucket.TryAcquire(1, out _);
        _ = bucket.AvailableTokens;

        long before = GC.GetAllocatedBytesForCurrentThread();
        int granted = 0;
        for (int i = 0; i < 10_000; i++)
        {
            if (bucket.TryAcquire(1 + (i % 3), out _))
            {
                granted++;
            }

            _ = bucket.AvailableTokens;
            time.Advance(TimeSpan.FromTicks(5_000));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "a rate limiter sits on every request's path and must not feed the garbage collector");
        granted.Should().BeGreaterThan(0);
    }

    private static int DrainOneByOne(TokenBucket bucket)
    {
        int granted = 0;
        while (granted <= bucket.Capacity && bucket.TryAcquire())
        {
            granted++;
        }

        return granted;
    }
}
