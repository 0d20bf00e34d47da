using CsCheck;
using static Katas.Tests.SlidingWindowMaxValues;

namespace Katas.Tests;

/// <summary>
/// Stage 2 of the sliding-window maximum: the span overload and the generic one with a comparer, and bad
/// arguments refused by every overload; last, random inputs through all three against the O(n·k) answer.
/// </summary>
[Stage(2)]
public sealed class SlidingWindowMaxInputTests
{
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

    [Fact]
    public void Random_inputs_match_the_naive_maxima_in_every_overload_and_shrink_on_failure()
    {
        var input = Gen.Int[-9, 9].Array[1, 100].SelectMany(values => Gen.Int[1, values.Length].Select(windowSize => (values, windowSize)));

        input.Sample(
            (values, windowSize) =>
            {
                int[] expected = NaiveMaxima(values, windowSize);
                int[] destination = new int[values.Length];

                SlidingWindowMax.Maxima(values, windowSize).Should().Equal(expected);
                SlidingWindowMax.Maxima(values, windowSize, destination).Should().Be(expected.Length);
                destination[..expected.Length].Should().Equal(expected);
                SlidingWindowMax.Maxima<int>(values, windowSize, Comparer<int>.Default).Should().Equal(expected);
            },
            iter: 20_000,
            print: input => $"windows of {input.Item2} over [{string.Join(", ", input.Item1)}]");
    }
}
