using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Stage 3 of the sliding-window maximum: the streaming form, one value at a time; last, the model tests
/// against a list of the latest values.
/// </summary>
[Stage(3)]
public sealed class SlidingWindowMaxTrackerTests
{
    [Fact]
    public void A_new_tracker_is_empty_and_has_no_maximum()
    {
        var tracker = new SlidingWindowMaxTracker(3);

        tracker.WindowSize.Should().Be(3);
        tracker.Count.Should().Be(0);
        ((Action)(() => _ = tracker.Max)).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_window_size_below_one_is_rejected(int windowSize)
    {
        Action create = () => _ = new SlidingWindowMaxTracker(windowSize);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("windowSize");
    }

    [Fact]
    public void While_the_window_fills_the_maximum_covers_every_value_so_far()
    {
        var tracker = new SlidingWindowMaxTracker(4);

        tracker.Add(2);
        tracker.Max.Should().Be(2);
        tracker.Add(-5);
        tracker.Max.Should().Be(2);
        tracker.Add(7);
        tracker.Max.Should().Be(7);

        tracker.Count.Should().Be(3);
    }

    [Fact]
    public void The_oldest_value_leaves_once_the_window_is_full()
    {
        var tracker = new SlidingWindowMaxTracker(3);
        tracker.Add(9);
        tracker.Add(1);
        tracker.Add(1);
        tracker.Max.Should().Be(9);

        tracker.Add(1);

        tracker.Max.Should().Be(1, "9 slid out of the window");
        tracker.Count.Should().Be(3);
    }

    [Fact]
    public void It_follows_LeetCode_239_example_1_value_by_value()
    {
        var tracker = new SlidingWindowMaxTracker(3);
        var maxima = new List<int>();

        foreach (int value in new[] { 1, 3, -1, -3, 5, 3, 6, 7 })
        {
            tracker.Add(value);
            if (tracker.Count == tracker.WindowSize)
            {
                maxima.Add(tracker.Max);
            }
        }

        maxima.Should().Equal(3, 3, 5, 5, 6, 7);
    }

    [Fact]
    public void A_repeated_maximum_stays_until_its_last_copy_leaves()
    {
        var tracker = new SlidingWindowMaxTracker(2);

        tracker.Add(5);
        tracker.Add(5);
        tracker.Add(1);
        tracker.Max.Should().Be(5, "the second 5 is still in the window");
        tracker.Add(1);

        tracker.Max.Should().Be(1);
    }

    [Fact]
    public void A_window_of_one_reports_the_latest_value()
    {
        var tracker = new SlidingWindowMaxTracker(1);

        foreach (int value in new[] { 3, 9, -4, int.MinValue, int.MaxValue, 0 })
        {
            tracker.Add(value);
            tracker.Max.Should().Be(value);
            tracker.Count.Should().Be(1);
        }
    }

    [Fact]
    public void Descending_values_each_stay_the_maximum_until_they_leave()
    {
        var tracker = new SlidingWindowMaxTracker(100);

        for (int value = 1_000; value > 0; value--)
        {
            tracker.Add(value);
            tracker.Max.Should().Be(Math.Min(1_000, value + 99));
        }
    }

    [Fact]
    public void Clear_forgets_every_value_but_keeps_the_window_size()
    {
        var tracker = new SlidingWindowMaxTracker(3);
        tracker.Add(100);
        tracker.Add(50);

        tracker.Clear();

        tracker.Count.Should().Be(0);
        tracker.WindowSize.Should().Be(3);
        ((Action)(() => _ = tracker.Max)).Should().Throw<InvalidOperationException>();
        tracker.Add(1);
        tracker.Add(2);
        tracker.Max.Should().Be(2);
        tracker.Add(0);
        tracker.Add(0);
        tracker.Max.Should().Be(2, "three values after the clear: 2, 0, 0");
        tracker.Add(0);
        tracker.Max.Should().Be(0);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 7)]
    [InlineData(4, 16)]
    [InlineData(5, 100)]
    public void The_tracker_matches_a_list_of_the_last_values_step_by_step(int seed, int windowSize) =>
        SlidingWindowMaxTrackerModel.Test.Run((windowSize, 499), seed, 20_000);

    [Fact]
    public void Random_streams_match_the_list_model_and_a_failure_shrinks_to_the_shortest_stream() =>
        SlidingWindowMaxTrackerModel.Test.Sample(Gen.Int[1, 12].Select(windowSize => (windowSize, 30)), maxSteps: 80, iterations: 20_000);
}
