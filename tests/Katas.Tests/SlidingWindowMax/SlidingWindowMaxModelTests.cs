using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Random inputs checked against models too simple to be wrong: the O(n·k) scan for the batch form, and a
/// list of the last k values for the streaming form. CsCheck shrinks a failure to the smallest input that
/// still fails.
/// </summary>
public sealed class SlidingWindowMaxModelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 7)]
    [InlineData(4, 16)]
    [InlineData(5, 100)]
    public void The_tracker_matches_a_list_of_the_last_values_step_by_step(int seed, int windowSize)
    {
        var random = new Random(seed);
        var tracker = new SlidingWindowMaxTracker(windowSize);
        var window = new List<int>();
        var history = new History();

        for (int step = 0; step < 20_000; step++)
        {
            if (random.Next(500) == 0)
            {
                history.Add("Clear()");
                tracker.Clear();
                window.Clear();
            }
            else
            {
                // A narrow range of values, so that equal values meet often.
                int value = random.Next(-10, 10);
                history.Add($"Add({value})");
                tracker.Add(value);
                window.Add(value);
                if (window.Count > windowSize)
                {
                    window.RemoveAt(0);
                }
            }

            Check(tracker, window, history);
        }
    }

    [Fact]
    public void Random_inputs_match_the_naive_maxima_in_every_overload_and_shrink_on_failure()
    {
        var input = Gen.Int[-9, 9].Array[1, 100].SelectMany(values => Gen.Int[1, values.Length].Select(windowSize => (values, windowSize)));

        input.Sample(
            (values, windowSize) =>
            {
                int[] expected = SlidingWindowMaxTests.NaiveMaxima(values, windowSize);
                int[] destination = new int[values.Length];

                SlidingWindowMax.Maxima(values, windowSize).Should().Equal(expected);
                SlidingWindowMax.Maxima(values, windowSize, destination).Should().Be(expected.Length);
                destination[..expected.Length].Should().Equal(expected);
                SlidingWindowMax.Maxima<int>(values, windowSize, Comparer<int>.Default).Should().Equal(expected);
            },
            iter: 20_000,
            print: input => $"windows of {input.Item2} over [{string.Join(", ", input.Item1)}]");
    }

    [Fact]
    public void Random_streams_match_the_list_model_and_shrink_on_failure()
    {
        // A value is an Add; int.MinValue stands for Clear.
        var operation = Gen.Frequency((30, Gen.Int[-9, 9]), (1, Gen.Const(int.MinValue)));
        var input = Gen.Select(Gen.Int[1, 12], operation.Array[0, 80]);

        input.Sample(
            (windowSize, operations) =>
            {
                var tracker = new SlidingWindowMaxTracker(windowSize);
                var window = new List<int>();
                var history = new History();
                foreach (int value in operations)
                {
                    if (value == int.MinValue)
                    {
                        history.Add("Clear()");
                        tracker.Clear();
                        window.Clear();
                    }
                    else
                    {
                        history.Add($"Add({value})");
                        tracker.Add(value);
                        window.Add(value);
                        if (window.Count > windowSize)
                        {
                            window.RemoveAt(0);
                        }
                    }

                    Check(tracker, window, history);
                }
            },
            iter: 20_000,
            print: input => $"windows of {input.Item1}: "
                + string.Join(", ", input.Item2.Select(value => value == int.MinValue ? "Clear()" : $"Add({value})")));
    }

    private static void Check(SlidingWindowMaxTracker tracker, List<int> window, History history)
    {
        // Plain comparisons first, FluentAssertions only on a mismatch: tens of thousands of steps stay fast.
        if (tracker.Count != window.Count)
        {
            tracker.Count.Should().Be(window.Count, "{0}", history);
        }

        if (window.Count > 0 && tracker.Max != window.Max())
        {
            tracker.Max.Should().Be(window.Max(), "{0}", history);
        }
    }

    /// <summary>The operations so far; FluentAssertions formats it into the message only when an assertion fails.</summary>
    private sealed class History : List<string>
    {
        public override string ToString() => $"after {Count} operations, the last ones being: {string.Join(", ", this.TakeLast(8))}";
    }
}
