using CsCheck;

namespace Katas.Tests;

/// <summary>A circular buffer as a list, oldest item first: O(n) per read and obviously right.</summary>
/// <param name="capacity">The most items it holds.</param>
/// <param name="overflow">What a write into a full buffer does.</param>
internal sealed class CircularBufferModel(int capacity, CircularBufferOverflow overflow)
{
    private readonly List<int> _items = [];

    /// <summary>
    /// The model test of the buffer, declared once: random writes, reads, peeks, lookups by index and clears,
    /// writes slightly outnumbering reads so that the buffer spends time both full and empty; after every step
    /// the buffer's Count, IsEmpty, IsFull and enumeration must match the model's items.
    /// </summary>
    public static ModelTest<(int Capacity, CircularBufferOverflow Overflow, int ClearWeight), CircularBuffer<int>, CircularBufferModel> Test { get; } = new(
        config => new CircularBuffer<int>(config.Capacity, config.Overflow),
        config => new CircularBufferModel(config.Capacity, config.Overflow),
        config => Gen.Frequency(
            (22, Gen.Int[0, 999].Select(item => ModelStep.Does<CircularBuffer<int>, CircularBufferModel>(
                $"Write({item})", s => s.Write(item), m => m.Write(item)))),
            (22, Gen.Int[0, 999].Select(item => ModelStep.Returns<CircularBuffer<int>, CircularBufferModel, bool>(
                $"TryWrite({item})", s => s.TryWrite(item), m => m.TryWrite(item)))),
            (18, Gen.Const(ModelStep.Returns<CircularBuffer<int>, CircularBufferModel, int>(
                "Read()", s => s.Read(), m => m.Read()))),
            (18, Gen.Const(ModelStep.Returns<CircularBuffer<int>, CircularBufferModel, (bool, int)>(
                "TryRead()", s => (s.TryRead(out int item), item), m => m.TryRead()))),
            (4, Gen.Const(ModelStep.Returns<CircularBuffer<int>, CircularBufferModel, int>(
                "Peek()", s => s.Peek(), m => m.Peek()))),
            (4, Gen.Const(ModelStep.Returns<CircularBuffer<int>, CircularBufferModel, (bool, int)>(
                "TryPeek()", s => (s.TryPeek(out int item), item), m => m.TryPeek()))),
            (10, Gen.Int[-1, config.Capacity + 3].Select(index => ModelStep.Returns<CircularBuffer<int>, CircularBufferModel, int>(
                $"this[{index}]", s => s[index], m => m.At(index)))),
            (config.ClearWeight, Gen.Const(ModelStep.Does<CircularBuffer<int>, CircularBufferModel>(
                "Clear()", s => s.Clear(), m => m._items.Clear())))))
    {
        Invariant = (s, m) =>
            s.Count != m._items.Count ? $"Count is {s.Count}, but the model holds {m._items.Count} items"
            : s.IsEmpty != (m._items.Count == 0) ? $"IsEmpty is {s.IsEmpty} with {m._items.Count} items"
            : s.IsFull != (m._items.Count == m.Capacity) ? $"IsFull is {s.IsFull} with {m._items.Count} items in a capacity of {m.Capacity}"
            : !s.SequenceEqual(m._items) ? $"the buffer enumerates {Structural.Format(s.ToList())}, but the model holds {Structural.Format(m._items)}"
            : null,
        DescribeConfig = config => $"capacity {config.Capacity}, {config.Overflow}",
    };

    /// <summary>Gets the most items the model holds.</summary>
    public int Capacity => capacity;

    /// <summary>Writes an item, or throws as a full buffer that rejects overflow does.</summary>
    /// <param name="item">The item.</param>
    public void Write(int item)
    {
        if (!TryWrite(item))
        {
            throw new InvalidOperationException("full");
        }
    }

    /// <summary>Writes an item at the newest end, dropping the oldest first when full and overwriting.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was written.</returns>
    public bool TryWrite(int item)
    {
        if (_items.Count == capacity)
        {
            if (overflow == CircularBufferOverflow.Reject)
            {
                return false;
            }

            _items.RemoveAt(0);
        }

        _items.Add(item);
        return true;
    }

    /// <summary>Takes the oldest item, or throws when empty.</summary>
    /// <returns>The item.</returns>
    public int Read() => TryRead() is (true, int item) ? item : throw new InvalidOperationException("empty");

    /// <summary>Takes the oldest item, if any.</summary>
    /// <returns>Whether there was one, and the item (0 when not).</returns>
    public (bool, int) TryRead()
    {
        var peeked = TryPeek();
        if (peeked.Item1)
        {
            _items.RemoveAt(0);
        }

        return peeked;
    }

    /// <summary>Looks at the oldest item, or throws when empty.</summary>
    /// <returns>The item.</returns>
    public int Peek() => TryPeek() is (true, int item) ? item : throw new InvalidOperationException("empty");

    /// <summary>Looks at the oldest item, if any.</summary>
    /// <returns>Whether there was one, and the item (0 when not).</returns>
    public (bool, int) TryPeek() => _items.Count > 0 ? (true, _items[0]) : (false, 0);

    /// <summary>The item at a position from the oldest, or throws as the indexer does outside the items.</summary>
    /// <param name="index">The position.</param>
    /// <returns>The item.</returns>
    public int At(int index) => index >= 0 && index < _items.Count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));
}
