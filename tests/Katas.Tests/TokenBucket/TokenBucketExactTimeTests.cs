using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// Stage 4 of the token bucket, exact time on any clock: no drift over many tiny steps, a token's interval that
/// is not a whole number of ticks on a 1 GHz clock, buckets that take decades to fill, clocks that run for
/// decades, and rates too fine for exact integer time. Last, the model test on a 1 GHz clock.
/// </summary>
[Stage(4)]
public sealed class TokenBucketExactTimeTests
{
    private const long Gigahertz = TokenBucketClock.Gigahertz;
    private const long FakeTicks = TimeSpan.TicksPerSecond;
    private const long MaxFillTicks = (1L << 30) * TimeSpan.TicksPerSecond;

    [Fact]
    public void At_seven_tokens_a_second_on_a_1_GHz_clock_the_seventh_token_comes_exactly_one_second_after_draining()
    {
        var clock = new TokenBucketClock(Gigahertz);
        var bucket = new TokenBucket(7, 7, TimeSpan.FromSeconds(1), clock);
        bucket.TryAcquire(7).Should().BeTrue();

        bucket.TryAcquire(7, out TimeSpan retryAfter).Should().BeFalse();
        retryAfter.Should().Be(TimeSpan.FromSeconds(1), "7 tokens at 7 a second take exactly one second");

        clock.Move(999_999_999);
        bucket.AvailableTokens.Should().Be(6, "a nanosecond before the second is up, the 7th token is not whole yet");
        clock.Move(1);
        bucket.AvailableTokens.Should().Be(7,
            "a second at 7 tokens a second is exactly 7 tokens: an interval of 142,857,142.86 ns must not be rounded to whole nanoseconds");
        bucket.TryAcquire(7).Should().BeTrue();
    }

    [Theory]
    [InlineData(7, 7, 10_000_000)]
    [InlineData(10, 3, 10_000_000)]
    [InlineData(20, 7, 30_000)]
    [InlineData(50, 3, 7)]
    public void On_a_1_GHz_clock_each_token_comes_on_its_exact_nanosecond(int capacity, int refillTokens, long periodTicks)
    {
        var clock = new TokenBucketClock(Gigahertz);
        var bucket = new TokenBucket(capacity, refillTokens, TimeSpan.FromTicks(periodTicks), clock);
        bucket.TryAcquire(capacity).Should().BeTrue();
        long periodNanoseconds = periodTicks * 100;

        long elapsed = 0;
        for (int token = 1; token <= capacity; token++)
        {
            // The k-th token is whole once k × period / refillTokens has passed: that instant, rounded up to a nanosecond.
            long due = ((token * periodNanoseconds) + refillTokens - 1) / refillTokens;
            clock.Move(due - 1 - elapsed);
            bucket.AvailableTokens.Should().Be(token - 1, $"token {token} is due at {due} ns, and {due - 1} ns have passed");
            clock.Move(1);
            elapsed = due;
            bucket.AvailableTokens.Should().Be(token, $"token {token} is due at {due} ns");
        }
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

    [Theory]
    [InlineData(7, 30, 1, 90_000)]
    [InlineData(3, 7, 1, 20_000)]
    [InlineData(7, 30_000, 997, 100_000)]
    public void Many_tiny_steps_on_a_1_GHz_clock_add_up_to_exactly_what_one_big_step_gives(int refillTokens, long periodTicks, int stepNanoseconds, int steps)
    {
        var clock = new TokenBucketClock(Gigahertz);
        var bucket = new TokenBucket(1_000_000, refillTokens, TimeSpan.FromTicks(periodTicks), clock);
        bucket.TryAcquire(1_000_000).Should().BeTrue();
        long periodNanoseconds = periodTicks * 100;

        for (long step = 1; step <= steps; step++)
        {
            clock.Move(stepNanoseconds);

            long expected = step * stepNanoseconds * refillTokens / periodNanoseconds;
            int available = bucket.AvailableTokens;
            if (available != expected)
            {
                available.Should().Be((int)expected, $"after {step} steps of {stepNanoseconds} ns the refill must not drift");
            }
        }
    }

    [Theory]
    [InlineData(1, 1, MaxFillTicks, FakeTicks)]
    [InlineData(1 << 30, 1, TimeSpan.TicksPerSecond, FakeTicks)]
    [InlineData(1 << 30, 3, 3 * TimeSpan.TicksPerSecond, FakeTicks)]
    [InlineData(30, 1, 365 * TimeSpan.TicksPerDay, FakeTicks)]
    [InlineData(1, 1, MaxFillTicks, Gigahertz)]
    [InlineData(1 << 30, 1, TimeSpan.TicksPerSecond, Gigahertz)]
    [InlineData(1 << 30, 3, 3 * TimeSpan.TicksPerSecond, Gigahertz)]
    [InlineData(30, 1, 365 * TimeSpan.TicksPerDay, Gigahertz)]
    public void A_bucket_that_fills_within_2_to_the_30_seconds_is_accepted(int capacity, int refillTokens, long periodTicks, long frequency)
    {
        var (clock, _) = TokenBucketClock.Make(frequency);
        var bucket = new TokenBucket(capacity, refillTokens, TimeSpan.FromTicks(periodTicks), clock);

        bucket.AvailableTokens.Should().Be(capacity);
        bucket.TryAcquire(capacity).Should().BeTrue();
        bucket.AvailableTokens.Should().Be(0);
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
    public void Time_stays_exact_thirty_years_on_on_a_1_GHz_clock()
    {
        var clock = new TokenBucketClock(Gigahertz);
        var bucket = new TokenBucket(7, 7, TimeSpan.FromSeconds(1), clock);
        bucket.TryAcquire(7).Should().BeTrue();

        clock.Move(30 * 365 * 86_400 * Gigahertz);
        bucket.AvailableTokens.Should().Be(7, "thirty years refill any bucket, and not beyond its capacity");
        bucket.TryAcquire(7).Should().BeTrue();

        clock.Move(999_999_999);
        bucket.AvailableTokens.Should().Be(6, "the 7th token of 7 a second is not whole a nanosecond before the second is up, thirty years on");
        clock.Move(1);
        bucket.AvailableTokens.Should().Be(7, "and is whole when the second is up");
        bucket.TryAcquire(7).Should().BeTrue();
        bucket.TryAcquire(1, out TimeSpan retryAfter).Should().BeFalse();
        retryAfter.Should().Be(TimeSpan.FromTicks(1_428_572), "a token every 142,857,142.86 ns, rounded up to a TimeSpan tick");
    }

    [Theory]
    [InlineData(FakeTicks)]
    [InlineData(Gigahertz)]
    public void A_rate_too_fine_for_exact_time_grants_at_most_its_rate_and_nearly_all_of_it_even_thirty_years_on(long frequency)
    {
        // 999,983 tokens a second (a prime, so nothing cancels): exact integer time would need 999,983 units per
        // tick of a 10^7 Hz clock, or per nanosecond of a 1 GHz one, and overflow a long within days. Rounding the
        // refill interval up is allowed; rounding it down, or losing more than 0.1 % of the rate, is not.
        const int Rate = 999_983;
        var (clock, move) = TokenBucketClock.Make(frequency);
        var bucket = new TokenBucket(1_000_000, Rate, TimeSpan.FromSeconds(1), clock);

        for (int check = 0; check < 2; check++)
        {
            bucket.TryAcquire(1_000_000).Should().BeTrue();
            move(frequency);
            bucket.AvailableTokens.Should().BeInRange(Rate - (Rate / 1_000), Rate, "one second at 999,983 tokens a second");

            move(30 * 365 * 86_400 * frequency);
            bucket.AvailableTokens.Should().Be(1_000_000, "thirty years later the bucket is full");
        }
    }

    [Theory]
    [InlineData(7, 7, 7, 1_000)]
    [InlineData(8, 5, 3, 2)]
    [InlineData(9, 100, 1_000, 1_000)]
    [InlineData(10, 3, 2, 5_000)]
    [InlineData(11, 10, 7, 3)]
    [InlineData(12, 7, 7, 11)]
    public void Random_operations_on_a_1_GHz_clock_match_an_exact_model_step_by_step(int seed, int capacity, int refillTokens, int periodMilliseconds) =>
        TokenBucketModel.Test.Run(new(capacity, refillTokens, TimeSpan.FromMilliseconds(periodMilliseconds), Gigahertz), seed, 5_000);

    [Fact]
    public void Random_operation_lists_on_a_1_GHz_clock_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        TokenBucketModel.Test.Sample(Gen.Select(Gen.Int[1, 5], Gen.Int[1, 7], Gen.Int[1, 3_000],
            (capacity, refillTokens, periodMilliseconds) => new TokenBucketModel.Setup(capacity, refillTokens, TimeSpan.FromMilliseconds(periodMilliseconds), Gigahertz)));
}
