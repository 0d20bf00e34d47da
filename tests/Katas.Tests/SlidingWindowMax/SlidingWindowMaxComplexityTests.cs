using static Katas.Tests.SlidingWindowMaxValues;

namespace Katas.Tests;

/// <summary>
/// Stage 4 of the sliding-window maximum: O(n) whatever the window size, counted in comparisons for the
/// functions and timed for the tracker, and no memory that grows with the input or the window size.
/// </summary>
[Stage(4)]
[Collection(TimedTests.Name)]
public sealed class SlidingWindowMaxComplexityTests
{
    // Values added per timed run: enough to time well in an O(1) tracker, few enough that an O(k) one fails in seconds.
    private const int Operations = 2_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(100)]
    [InlineData(999)]
    [InlineData(1_000)]
    [InlineData(4_999)]
    [InlineData(5_000)]
    public void At_most_three_comparisons_per_value_whatever_the_window_size(int windowSize)
    {
        const int Length = 5_000;
        var random = new Random(windowSize);
        var inputs = new Dictionary<string, int[]>
        {
            ["random"] = [.. Enumerable.Range(0, Length).Select(_ => random.Next(100))],
            ["ascending"] = [.. Enumerable.Range(0, Length)],
            ["descending"] = [.. Enumerable.Range(0, Length).Reverse()],
            ["constant"] = Enumerable.Repeat(1, Length).ToArray(),
            ["saw-tooth"] = [.. Enumerable.Range(0, Length).Select(i => (i % 37) * ((i / 37) % 2 == 0 ? 1 : -1))],
        };

        foreach (var (name, values) in inputs)
        {
            var comparer = new CountingComparer();

            int[] maxima = SlidingWindowMax.Maxima<int>(values, windowSize, comparer);

            maxima.Should().Equal(NaiveMaxima(values, windowSize), $"the {name} input");
            comparer.Calls.Should().BeLessThanOrEqualTo(3 * Length, $"the {name} input with windows of {windowSize} may cost 3 comparisons per value, no more");
        }
    }

    [Fact]
    public void The_span_overload_allocates_nothing()
    {
        int[] values = RandomValues(100_000, seed: 5);
        int[] destination = new int[values.Length];
        int[] windowSizes = [1, 2, 5, 16, 100, 1_024, 50_000, 100_000];
        foreach (int windowSize in windowSizes)
        {
            SlidingWindowMax.Maxima(values, windowSize, destination);
        }

        long allocated = Allocations.Fewest(() =>
        {
            foreach (int windowSize in windowSizes)
            {
                SlidingWindowMax.Maxima(values, windowSize, destination);
            }
        });

        allocated.Should().Be(0, "the maxima go straight into the destination (a pooled buffer, reused, is fine)");
    }

    [Fact]
    public void The_array_overload_allocates_only_the_result()
    {
        int[] values = RandomValues(100_000, seed: 6);
        SlidingWindowMax.Maxima(values, 1_024);

        long before = GC.GetAllocatedBytesForCurrentThread();
        int[] maxima = SlidingWindowMax.Maxima(values, 1_024);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThanOrEqualTo(
            sizeof(int) * (long)maxima.Length + 64, "beyond the result, memory use must not grow with the input");
    }

    [Fact]
    public void A_huge_window_size_does_not_allocate_up_front()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var tracker = new SlidingWindowMaxTracker(int.MaxValue);
        tracker.Add(1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(1 << 20, "the storage grows with the values, not with the window size");
        tracker.Max.Should().Be(1);
        tracker.Count.Should().Be(1);
    }

    [Fact]
    public void A_warmed_up_tracker_allocates_nothing_per_value()
    {
        const int WindowSize = 1_000;
        var tracker = new SlidingWindowMaxTracker(WindowSize);
        var random = new Random(1);
        for (int value = 3 * WindowSize; value > 0; value--)
        {
            tracker.Add(value);
        }

        long allocated = Allocations.Fewest(() =>
        {
            for (int step = 0; step < 20 * WindowSize; step++)
            {
                tracker.Add(random.Next(1_000));
            }
        });

        allocated.Should().Be(0);
        tracker.Max.Should().BeInRange(0, 999);
    }

    [Fact]
    public void Adding_a_value_takes_the_same_time_with_a_large_window_as_with_a_small_one() =>
        Growth.ShouldStayFlat("An Add then a read of Max, on descending values", 1_000, DescendingAdds);

    /// <summary>
    /// A full tracker of the given window size over descending values, and more of them, each followed by a
    /// read of Max. The maximum is the oldest value, so it leaves on every Add: a tracker that scans its window
    /// for the next one does so every time.
    /// </summary>
    /// <param name="size">The window size.</param>
    /// <returns>The work to time.</returns>
    internal static Action DescendingAdds(int size)
    {
        var tracker = new SlidingWindowMaxTracker(size);
        int next = int.MaxValue;
        for (int i = 0; i < size; i++)
        {
            tracker.Add(next--);
        }

        return () =>
        {
            for (int i = 0; i < Operations; i++)
            {
                tracker.Add(next--);
                if (tracker.Max != next + size)
                {
                    throw new InvalidOperationException($"Max is {tracker.Max}; the oldest of the window, {next + size}, was expected.");
                }
            }
        };
    }

    private sealed class CountingComparer : IComparer<int>
    {
        public long Calls { get; private set; }

        public int Compare(int x, int y)
        {
            Calls++;
            return x.CompareTo(y);
        }
    }
}
