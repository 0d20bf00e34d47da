using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// Stage 5 of the token bucket, a clock that steps back: it neither creates nor destroys tokens. The bucket keeps
/// what it held at its latest reading and refills nothing until the clock passes that reading again. Last, the
/// model test on clocks that also step back.
/// </summary>
[Stage(5)]
public sealed class TokenBucketBackwardsClockTests
{
    // The two clocks' ticks a second: a tick of the 1 GHz clock is a nanosecond, one of FakeTimeProvider is 100 ns.
    private const long Gigahertz = TokenBucketClock.Gigahertz;
    private const long FakeTicks = TimeSpan.TicksPerSecond;

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
    [InlineData(Gigahertz, 1, 0)]
    [InlineData(Gigahertz, 1, 3)]
    [InlineData(Gigahertz, 100, 0)]
    [InlineData(Gigahertz, 100, 3)]
    [InlineData(Gigahertz, 10 * Gigahertz, 0)]
    [InlineData(Gigahertz, 10 * Gigahertz, 3)]
    [InlineData(FakeTicks, 1, 0)]
    [InlineData(FakeTicks, 1, 3)]
    [InlineData(FakeTicks, 10 * FakeTicks, 0)]
    [InlineData(FakeTicks, 10 * FakeTicks, 3)]
    public void A_clock_stepping_back_neither_creates_nor_destroys_tokens(long frequency, long stepBackTicks, int taken)
    {
        var (clock, move) = TokenBucketClock.Make(frequency);
        var bucket = new TokenBucket(10, 1, TimeSpan.FromSeconds(1), clock);
        if (taken > 0)
        {
            bucket.TryAcquire(taken).Should().BeTrue();
        }

        int held = 10 - taken;
        bucket.AvailableTokens.Should().Be(held);

        move(-stepBackTicks);
        bucket.AvailableTokens.Should().Be(held, "a step back takes nothing away: the bucket keeps what it held");
        move(stepBackTicks);
        bucket.AvailableTokens.Should().Be(held, "a clock that has only come back to its latest reading has refilled nothing");
        move(frequency);
        bucket.AvailableTokens.Should().Be(Math.Min(10, held + 1), "one second past the latest reading refills one token, as if the clock had never stepped back");
    }

    [Theory]
    [InlineData(Gigahertz, 1)]
    [InlineData(Gigahertz, 100)]
    [InlineData(Gigahertz, 10 * Gigahertz)]
    [InlineData(FakeTicks, 1)]
    [InlineData(FakeTicks, 10 * FakeTicks)]
    public void A_request_while_the_clock_is_behind_takes_from_what_the_bucket_kept_and_waits_for_the_clock_to_catch_up(long frequency, long stepBackTicks)
    {
        var (clock, move) = TokenBucketClock.Make(frequency);
        var bucket = new TokenBucket(10, 1, TimeSpan.FromSeconds(1), clock);
        bucket.TryAcquire(3).Should().BeTrue();
        move(frequency / 2);

        move(-stepBackTicks);
        bucket.TryAcquire(7).Should().BeTrue("the bucket kept the 7.5 tokens it held before the clock stepped back");
        bucket.TryAcquire(1, out TimeSpan retryAfter).Should().BeFalse("half a token is left, and nothing refills while the clock is behind");

        // The clock must come back to its latest reading, and then refill the missing half token.
        long waitTicks = stepBackTicks + (frequency / 2);
        retryAfter.Should().Be(TimeSpan.FromTicks(((waitTicks * TimeSpan.TicksPerSecond) + frequency - 1) / frequency),
            "the wait is the step back to catch up on, then half a second, rounded up to a TimeSpan tick");
        move((retryAfter.Ticks - 1) * frequency / TimeSpan.TicksPerSecond);
        bucket.TryAcquire(1).Should().BeFalse("one TimeSpan tick short of the retry-after is too early");
        move(frequency / TimeSpan.TicksPerSecond);
        bucket.TryAcquire(1).Should().BeTrue("the retry-after is enough");
    }

    [Theory]
    [InlineData(13, 3, 2, 5_000, FakeTicks)]
    [InlineData(14, 10, 7, 3, FakeTicks)]
    [InlineData(15, 1, 1, 1_000, FakeTicks)]
    [InlineData(16, 7, 7, 11, Gigahertz)]
    [InlineData(17, 5, 3, 2, Gigahertz)]
    [InlineData(18, 100, 1_000, 1_000, Gigahertz)]
    public void Random_operations_on_a_clock_that_also_steps_back_match_an_exact_model_step_by_step(
        int seed, int capacity, int refillTokens, int periodMilliseconds, long frequency) =>
        TokenBucketModel.Test.Run(new(capacity, refillTokens, TimeSpan.FromMilliseconds(periodMilliseconds), frequency, StepsBack: true), seed, 5_000);

    [Fact]
    public void Random_operation_lists_on_a_clock_that_also_steps_back_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        TokenBucketModel.Test.Sample(Gen.Select(Gen.Int[1, 5], Gen.Int[1, 7], Gen.Int[1, 3_000], Gen.Bool.Select(fine => fine ? Gigahertz : FakeTicks),
            (capacity, refillTokens, periodMilliseconds, frequency) =>
                new TokenBucketModel.Setup(capacity, refillTokens, TimeSpan.FromMilliseconds(periodMilliseconds), frequency, StepsBack: true)));

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
