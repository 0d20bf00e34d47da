using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Katas.Tests;

/// <summary>
/// Random operations checked against <see cref="TokenBucketModel"/>, an exact bucket too simple to be wrong:
/// long fixed-seed runs checked after every step, and CsCheck-generated runs that shrink a failure to the
/// shortest sequence that still fails.
/// </summary>
public sealed class TokenBucketModelTests
{
    [Theory]
    [InlineData(1, 1, 1, 1_000)]
    [InlineData(2, 5, 3, 1_000)]
    [InlineData(3, 10, 7, 3)]
    [InlineData(4, 100, 1_000, 1_000)]
    [InlineData(5, 3, 2, 5_000)]
    [InlineData(6, 7, 9, 11)]
    public void Random_operations_match_an_exact_model_step_by_step(int seed, int capacity, int refillTokens, int periodMilliseconds)
    {
        var random = new Random(seed);
        var period = TimeSpan.FromMilliseconds(periodMilliseconds);
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(capacity, refillTokens, period, time);
        var model = new TokenBucketModel(capacity, refillTokens, period);
        var history = new History();
        long tokenTicks = (period.Ticks / refillTokens) + 1;

        for (int step = 0; step < 5_000; step++)
        {
            int roll = random.Next(100);
            if (roll < 40)
            {
                long ticks = random.Next(20) == 0
                    ? random.NextInt64(tokenTicks * capacity * 2)
                    : random.NextInt64(tokenTicks * 2);
                history.Add($"Advance({ticks} ticks)");
                time.Advance(TimeSpan.FromTicks(ticks));
                model.Advance(TimeSpan.FromTicks(ticks));
            }
            else if (roll < 90)
            {
                int tokens = 1 + random.Next(Math.Min(capacity, random.Next(2) == 0 ? 2 : capacity));
                history.Add($"TryAcquire({tokens})");
                bool granted = bucket.TryAcquire(tokens, out TimeSpan retryAfter);
                bool modelGranted = model.TryAcquire(tokens, out TimeSpan modelRetryAfter);
                granted.Should().Be(modelGranted, "{0}", history);
                retryAfter.Should().Be(modelRetryAfter, "{0}", history);
            }
            else
            {
                int tokens = 1 + random.Next(capacity);
                history.Add($"TryAcquire({tokens}) without retry-after");
                bucket.TryAcquire(tokens).Should().Be(model.TryAcquire(tokens, out _), "{0}", history);
            }

            bucket.AvailableTokens.Should().Be(model.AvailableTokens, "{0}", history);
        }
    }

    [Fact]
    public void Generated_operation_sequences_match_the_model_and_a_failure_shrinks_to_the_shortest_one()
    {
        Gen<TokenBucketStep> step = Gen.Frequency(
            (2, Gen.Long[0, 30_000_000].Select(ticks => new TokenBucketStep(ticks, 0))),
            (1, Gen.Long[0, 30].Select(ticks => new TokenBucketStep(ticks, 0))),
            (5, Gen.Int[1, 4].Select(tokens => new TokenBucketStep(0, tokens))));

        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 7], Gen.Int[1, 3_000], step.Array[1, 60])
            .Sample(
                (capacity, refillTokens, periodMilliseconds, steps) => Replay(capacity, refillTokens, periodMilliseconds, steps) is null,
                iter: 3_000,
                print: run => $"new TokenBucket({run.Item1}, {run.Item2}, {run.Item3} ms): "
                    + $"{string.Join(", ", run.Item4)} -> {Replay(run.Item1, run.Item2, run.Item3, run.Item4)}");
    }

    /// <summary>Runs the steps on a bucket and on the model; returns the first difference, or null.</summary>
    private static string? Replay(int capacity, int refillTokens, int periodMilliseconds, TokenBucketStep[] steps)
    {
        var period = TimeSpan.FromMilliseconds(periodMilliseconds);
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(capacity, refillTokens, period, time);
        var model = new TokenBucketModel(capacity, refillTokens, period);
        for (int i = 0; i < steps.Length; i++)
        {
            TokenBucketStep step = steps[i];
            if (step.Tokens == 0)
            {
                time.Advance(TimeSpan.FromTicks(step.AdvanceTicks));
                model.Advance(TimeSpan.FromTicks(step.AdvanceTicks));
            }
            else
            {
                int tokens = Math.Min(step.Tokens, capacity);
                bool granted = bucket.TryAcquire(tokens, out TimeSpan retryAfter);
                bool expected = model.TryAcquire(tokens, out TimeSpan expectedRetryAfter);
                if (granted != expected || retryAfter != expectedRetryAfter)
                {
                    return $"step {i + 1}: TryAcquire({tokens}) gave ({granted}, {retryAfter.Ticks} ticks), the model ({expected}, {expectedRetryAfter.Ticks} ticks)";
                }
            }

            if (bucket.AvailableTokens != model.AvailableTokens)
            {
                return $"step {i + 1}: AvailableTokens is {bucket.AvailableTokens}, the model says {model.AvailableTokens}";
            }
        }

        return null;
    }

    /// <summary>One generated step: advance the clock by <paramref name="AdvanceTicks"/>, or take <paramref name="Tokens"/> tokens.</summary>
    internal readonly record struct TokenBucketStep(long AdvanceTicks, int Tokens)
    {
        public override string ToString() => Tokens == 0 ? $"Advance({AdvanceTicks} ticks)" : $"TryAcquire({Tokens})";
    }

    /// <summary>The operations so far, formatted into a failure message only when an assertion fails.</summary>
    private sealed class History
    {
        private readonly List<string> _operations = [];

        public void Add(string operation) => _operations.Add(operation);

        public override string ToString() =>
            $"after {_operations.Count} operations, the last ones being: {string.Join(", ", _operations.TakeLast(8))}";
    }
}
