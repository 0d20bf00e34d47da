namespace Katas.Tests;

/// <summary>
/// The contract of the sliding-window maximum kata, batch form: LeetCode 239's cases, the edges of the
/// window size, inputs that break the usual shortcuts, bad arguments, and the bound on work: at most
/// 3 comparisons per value, whatever the window size.
/// </summary>
public sealed class SlidingWindowMaxTests
{
    [Fact]
    public void LeetCode_239_example_1()
    {
        int[] maxima = SlidingWindowMax.Maxima([1, 3, -1, -3, 5, 3, 6, 7], 3);

        maxima.Should().Equal(3, 3, 5, 5, 6, 7);
    }

    [Fact]
    public void LeetCode_239_example_2()
    {
        SlidingWindowMax.Maxima([1], 1).Should().Equal(1);
    }

    [Theory]
    [InlineData(new[] { 1, -1 }, 1, new[] { 1, -1 })]
    [InlineData(new[] { 9, 11 }, 2, new[] { 11 })]
    [InlineData(new[] { 4, -2 }, 2, new[] { 4 })]
    [InlineData(new[] { 7, 2, 4 }, 2, new[] { 7, 4 })]
    [InlineData(new[] { 1, 3, 1, 2, 0, 5 }, 3, new[] { 3, 3, 2, 5 })]
    [InlineData(new[] { 5, 5, 1 }, 2, new[] { 5, 5 })]
    [InlineData(new[] { 1, 2, 3, 4, 5 }, 5, new[] { 5 })]
    [InlineData(new[] { 3, 3, 3, 1, 3, 3 }, 2, new[] { 3, 3, 3, 3, 3 })]
    public void LeetCode_style_cases(int[] values, int windowSize, int[] expected)
    {
        SlidingWindowMax.Maxima(values, windowSize).Should().Equal(expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    public void A_window_of_one_returns_the_values_themselves(int length)
    {
        int[] values = RandomValues(length, seed: length);

        SlidingWindowMax.Maxima(values, 1).Should().Equal(values);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(1_000)]
    public void A_window_as_long_as_the_values_gives_their_maximum(int length)
    {
        int[] values = RandomValues(length, seed: length);

        SlidingWindowMax.Maxima(values, length).Should().Equal(values.Max());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(100)]
    public void In_ascending_values_each_window_peaks_at_its_end(int windowSize)
    {
        int[] values = [.. Enumerable.Range(-500, 1_000)];

        int[] maxima = SlidingWindowMax.Maxima(values, windowSize);

        maxima.Should().Equal(values[(windowSize - 1)..]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(100)]
    public void In_descending_values_each_window_peaks_at_its_start(int windowSize)
    {
        int[] values = [.. Enumerable.Range(-500, 1_000).Reverse()];

        int[] maxima = SlidingWindowMax.Maxima(values, windowSize);

        maxima.Should().Equal(values[..^(windowSize - 1)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(33)]
    public void Constant_values_give_that_constant_everywhere(int windowSize)
    {
        int[] values = Enumerable.Repeat(-7, 200).ToArray();

        SlidingWindowMax.Maxima(values, windowSize).Should().HaveCount(200 - windowSize + 1).And.OnlyContain(max => max == -7);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(40)]
    public void Negative_values_and_the_extremes_of_int_are_handled(int windowSize)
    {
        var random = new Random(windowSize);
        int[] values = [.. Enumerable.Range(0, 300).Select(_ => random.Next(6) switch
        {
            0 => int.MinValue,
            1 => int.MaxValue,
            2 => int.MinValue + 1,
            _ => -random.Next(1_000_000),
        })];

        SlidingWindowMax.Maxima(values, windowSize).Should().Equal(NaiveMaxima(values, windowSize));
    }

    [Fact]
    public void All_values_at_int_MinValue_give_int_MinValue()
    {
        int[] values = Enumerable.Repeat(int.MinValue, 100).ToArray();

        SlidingWindowMax.Maxima(values, 20).Should().OnlyContain(max => max == int.MinValue);
    }

    [Fact]
    public void Every_window_size_of_short_inputs_matches_the_naive_answer()
    {
        var random = new Random(239);
        for (int length = 1; length <= 70; length++)
        {
            int[] values = [.. Enumerable.Range(0, length).Select(_ => random.Next(-20, 20))];
            for (int windowSize = 1; windowSize <= length; windowSize++)
            {
                SlidingWindowMax.Maxima(values, windowSize).Should().Equal(
                    NaiveMaxima(values, windowSize), $"for {windowSize}-windows over [{string.Join(", ", values)}]");
            }
        }
    }

    [Theory]
    [InlineData(1, 10_000, 2)]
    [InlineData(2, 10_000, 16)]
    [InlineData(3, 10_000, 17)]
    [InlineData(4, 10_000, 100)]
    [InlineData(5, 10_000, 1_024)]
    [InlineData(6, 10_000, 3_333)]
    [InlineData(7, 4_099, 4_096)]
    public void Long_random_inputs_match_the_naive_answer(int seed, int length, int windowSize)
    {
        int[] values = RandomValues(length, seed);

        SlidingWindowMax.Maxima(values, windowSize).Should().Equal(NaiveMaxima(values, windowSize));
    }

    [Fact]
    public void The_span_overload_writes_the_same_maxima_and_returns_their_count()
    {
        int[] values = RandomValues(1_000, seed: 1);
        int[] destination = new int[1_000];
        Array.Fill(destination, 12345);

        int written = SlidingWindowMax.Maxima(values, 10, destination);

        written.Should().Be(991);
        destination[..991].Should().Equal(NaiveMaxima(values, 10));
        destination[991..].Should().OnlyContain(value => value == 12345, "the rest of the destination is left alone");
    }

    [Fact]
    public void The_span_overload_accepts_a_destination_of_exactly_the_right_length()
    {
        int[] destination = new int[6];

        int written = SlidingWindowMax.Maxima([1, 3, -1, -3, 5, 3, 6, 7], 3, destination);

        written.Should().Be(6);
        destination.Should().Equal(3, 3, 5, 5, 6, 7);
    }

    [Fact]
    public void A_destination_too_short_is_rejected_and_left_alone()
    {
        int[] destination = [42, 42, 42, 42, 42];

        Action compute = () => SlidingWindowMax.Maxima([1, 3, -1, -3, 5, 3, 6, 7], 3, destination);

        compute.Should().Throw<ArgumentException>().WithParameterName("destination")
            .Which.Should().NotBeAssignableTo<ArgumentOutOfRangeException>();
        destination.Should().OnlyContain(value => value == 42);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void A_window_size_outside_one_to_the_length_is_rejected_by_every_overload(int windowSize)
    {
        int[] values = [1, 2, 3, 4];

        ((Action)(() => SlidingWindowMax.Maxima(values, windowSize)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("windowSize");
        ((Action)(() => SlidingWindowMax.Maxima(values, windowSize, new int[10])))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("windowSize");
        ((Action)(() => SlidingWindowMax.Maxima<int>(values, windowSize, Comparer<int>.Default)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("windowSize");
    }

    [Fact]
    public void Empty_values_have_no_valid_window_size()
    {
        ((Action)(() => SlidingWindowMax.Maxima([], 1)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("windowSize");
        ((Action)(() => SlidingWindowMax.Maxima<string>([], 1, null)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("windowSize");
    }

    [Fact]
    public void The_generic_overload_follows_the_comparer()
    {
        string[] words = ["pear", "Zebra", "fig", "BANANA", "cherry", "date"];

        string[] ordinal = SlidingWindowMax.Maxima<string>(words, 2, StringComparer.Ordinal);
        string[] ignoringCase = SlidingWindowMax.Maxima<string>(words, 2, StringComparer.OrdinalIgnoreCase);
        int[] minima = SlidingWindowMax.Maxima<int>([1, 3, -1, -3, 5, 3, 6, 7], 3, Comparer<int>.Create((x, y) => y.CompareTo(x)));

        ordinal.Should().Equal("pear", "fig", "fig", "cherry", "date");
        ignoringCase.Should().Equal("Zebra", "Zebra", "fig", "cherry", "date");
        minima.Should().Equal(-1, -3, -3, -3, 3, 3);
    }

    [Fact]
    public void The_generic_overload_uses_the_default_order_when_the_comparer_is_null()
    {
        int[] values = RandomValues(500, seed: 3);

        SlidingWindowMax.Maxima<int>(values, 7, null).Should().Equal(NaiveMaxima(values, 7));
        SlidingWindowMax.Maxima<string>(["b", "a", "c", "a"], 2, null).Should().Equal("b", "c", "c");
        SlidingWindowMax.Maxima<double>([1.5, -2.0, 0.25], 2, null).Should().Equal(1.5, 0.25);
    }

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

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (int windowSize in windowSizes)
        {
            SlidingWindowMax.Maxima(values, windowSize, destination);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

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

    private static int[] RandomValues(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.Next(-1_000_000, 1_000_000))];
    }

    /// <summary>The O(n·k) answer: obviously right.</summary>
    internal static int[] NaiveMaxima(int[] values, int windowSize)
    {
        var maxima = new int[values.Length - windowSize + 1];
        for (int start = 0; start < maxima.Length; start++)
        {
            int max = values[start];
            for (int i = start + 1; i < start + windowSize; i++)
            {
                max = Math.Max(max, values[i]);
            }

            maxima[start] = max;
        }

        return maxima;
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
