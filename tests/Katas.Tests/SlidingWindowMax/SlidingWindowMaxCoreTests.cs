using static Katas.Tests.SlidingWindowMaxValues;

namespace Katas.Tests;

/// <summary>
/// Stage 1 of the sliding-window maximum: LeetCode 239 through the array overload, the edges of the window
/// size, and inputs that break the usual shortcuts, each checked against the O(n·k) answer.
/// </summary>
[Stage(1)]
public sealed class SlidingWindowMaxCoreTests
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
}
