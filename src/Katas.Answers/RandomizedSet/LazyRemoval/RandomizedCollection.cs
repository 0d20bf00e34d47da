using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// A randomized collection that never moves an occurrence on removal: it leaves a hole, which the next add fills,
/// and a draw that lands on a hole draws again. Each item keeps a stack of its occurrences' slots, and a removal
/// pops one: nothing else points at a slot, so nothing else needs fixing. The contract is the stub's XML docs
/// (src/Katas.Exercises/RandomizedSet/RandomizedCollection.cs).
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "LeetCode 381 names it so.")]
public sealed class RandomizedCollection<T>
    where T : notnull
{
    // The slots: an occurrence, or a hole where one was removed.
    private readonly List<Slot> _slots = [];

    // The slots of each held item's occurrences, in no particular order.
    private readonly Dictionary<T, List<int>> _positions;

    // The holes, to be filled before the slots grow.
    private readonly Stack<int> _holes = new();

    // Draws the slots.
    private readonly Random _random;

    public RandomizedCollection(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        _random = random ?? new Random();
        _positions = new Dictionary<T, List<int>>(comparer);
    }

    public int Count => _slots.Count - _holes.Count;

    public bool Add(T item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        bool isNew = !_positions.TryGetValue(item, out var positions);
        if (isNew)
        {
            positions = [];
            _positions.Add(item, positions);
        }

        var occurrence = new Slot(item, Live: true);
        if (_holes.TryPop(out int hole))
        {
            _slots[hole] = occurrence;
            positions!.Add(hole);
        }
        else
        {
            positions!.Add(_slots.Count);
            _slots.Add(occurrence);
        }

        return isNew;
    }

    public bool Remove(T item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        if (!_positions.TryGetValue(item, out var positions))
        {
            return false;
        }

        // Any occurrence will do: the last in the list comes off without shifting the others.
        int position = positions[^1];
        positions.RemoveAt(positions.Count - 1);
        if (positions.Count == 0)
        {
            _positions.Remove(item);
        }

        _slots[position] = default;
        _holes.Push(position);
        if (_holes.Count > Count)
        {
            Compact();
        }

        return true;
    }

    public bool Contains(T item) => item is null ? throw new ArgumentNullException(nameof(item)) : _positions.ContainsKey(item);

    public T GetRandom()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The collection is empty.");
        }

        while (true)
        {
            Slot slot = _slots[_random.Next(_slots.Count)];
            if (slot.Live)
            {
                return slot.Item;
            }
        }
    }

    // Slides the occurrences down over the holes and rebuilds every item's list of slots.
    private void Compact()
    {
        foreach (var positions in _positions.Values)
        {
            positions.Clear();
        }

        int kept = 0;
        for (int position = 0; position < _slots.Count; position++)
        {
            Slot slot = _slots[position];
            if (slot.Live)
            {
                _slots[kept] = slot;
                _positions[slot.Item].Add(kept);
                kept++;
            }
        }

        _slots.RemoveRange(kept, _slots.Count - kept);
        _holes.Clear();
    }

    // A hole is the default: no item, not live.
    private readonly record struct Slot(T Item, bool Live);
}
