using CsCheck;

namespace Katas.Tests;

/// <summary>A sliding-window tracker as a list of the latest values: O(k) per value and obviously right.</summary>
/// <param name="windowSize">How many of the latest values the window holds.</param>
internal sealed class SlidingWindowMaxTrackerModel(int windowSize)
{
    private readonly List<int> _window = [];

    /// <summary>
    /// The model test of the tracker, declared once: random Add calls over a narrow range of values, so that
    /// equal values meet often, and now and then a Clear; after every step Count and Max must match the model's.
    /// </summary>
    public static ModelTest<(int WindowSize, int AddsPerClear), SlidingWindowMaxTracker, SlidingWindowMaxTrackerModel> Test { get; } = new(
        config => new SlidingWindowMaxTracker(config.WindowSize),
        config => new SlidingWindowMaxTrackerModel(config.WindowSize),
        config => Gen.Frequency(
            (config.AddsPerClear, Gen.Int[-10, 9].Select(value => ModelStep.Does<SlidingWindowMaxTracker, SlidingWindowMaxTrackerModel>(
                $"Add({value})", s => s.Add(value), m => m.Add(value)))),
            (1, Gen.Const(ModelStep.Does<SlidingWindowMaxTracker, SlidingWindowMaxTrackerModel>(
                "Clear()", s => s.Clear(), m => m._window.Clear())))))
    {
        Invariant = (s, m) =>
        {
            if (s.Count != m._window.Count)
            {
                return $"Count is {s.Count}, but the window holds {m._window.Count} values";
            }

            var max = Outcome.Of(() => s.Max);
            var expected = Outcome.Of(m.Max);
            return max.Agrees(expected) ? null : $"Max is {max}, but the window {Structural.Format(m._window)} says {expected}";
        },
        DescribeConfig = config => $"windows of {config.WindowSize}",
    };

    /// <summary>Adds a value; the oldest leaves once the window is full.</summary>
    /// <param name="value">The value.</param>
    public void Add(int value)
    {
        _window.Add(value);
        if (_window.Count > windowSize)
        {
            _window.RemoveAt(0);
        }
    }

    /// <summary>The largest value in the window, or throws when it is empty.</summary>
    /// <returns>The maximum.</returns>
    public int Max() => _window.Count > 0 ? _window.Max() : throw new InvalidOperationException("empty");
}
