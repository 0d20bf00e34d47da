using CsCheck;

namespace Katas.Tests;

/// <summary>An SPSC ring on one thread as a queue with a capacity: obviously right.</summary>
/// <param name="capacity">The most items it holds.</param>
internal sealed class CircularBufferSpscModel(int capacity)
{
    private readonly Queue<int> _items = new();

    /// <summary>
    /// The model test of the SPSC ring on one thread, declared once: TryWrite and TryRead in even measure, so
    /// that the ring goes round again and again, full and empty; after every step Count and IsEmpty must match.
    /// </summary>
    public static ModelTest<int, SpscRingBuffer<int>, CircularBufferSpscModel> Test { get; } = new(
        capacity => new SpscRingBuffer<int>(capacity),
        capacity => new CircularBufferSpscModel(capacity),
        _ => Gen.Frequency(
            (1, Gen.Int[0, 999].Select(item => ModelStep.Returns<SpscRingBuffer<int>, CircularBufferSpscModel, bool>(
                $"TryWrite({item})", s => s.TryWrite(item), m => m.TryWrite(item)))),
            (1, Gen.Const(ModelStep.Returns<SpscRingBuffer<int>, CircularBufferSpscModel, (bool, int)>(
                "TryRead()", s => (s.TryRead(out int item), item), m => m.TryRead())))))
    {
        Invariant = (s, m) =>
            s.Count != m._items.Count ? $"Count is {s.Count}, but the model holds {m._items.Count} items"
            : s.IsEmpty != (m._items.Count == 0) ? $"IsEmpty is {s.IsEmpty} with {m._items.Count} items"
            : null,
        DescribeConfig = capacity => $"capacity {capacity}",
    };

    /// <summary>Writes an item if there is room.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was written.</returns>
    public bool TryWrite(int item)
    {
        if (_items.Count == capacity)
        {
            return false;
        }

        _items.Enqueue(item);
        return true;
    }

    /// <summary>Takes the oldest item, if any.</summary>
    /// <returns>Whether there was one, and the item (0 when not).</returns>
    public (bool, int) TryRead() => _items.TryDequeue(out int item) ? (true, item) : (false, 0);
}
