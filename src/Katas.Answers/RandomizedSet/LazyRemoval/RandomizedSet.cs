namespace Katas;

/// <summary>
/// A randomized set that never moves an item on removal: it leaves a hole, which the next add fills, and a draw
/// that lands on a hole draws again. The contract is the stub's XML docs
/// (src/Katas.Exercises/RandomizedSet/RandomizedSet.cs); README.md beside this folder says why and what it costs.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class RandomizedSet<T>
    where T : notnull
{
    // The slots: an item, or a hole where one was removed.
    private readonly List<Slot> _slots = [];

    // Each item's slot.
    private readonly Dictionary<T, int> _positions;

    // The holes, to be filled before the slots grow.
    private readonly Stack<int> _holes = new();

    // Draws the slots.
    private readonly Random _random;

    public RandomizedSet(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        _random = random ?? new Random();
        _positions = new Dictionary<T, int>(comparer);
    }

    public int Count => _positions.Count;

    public bool TryAdd(T item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        int position = _holes.Count > 0 ? _holes.Peek() : _slots.Count;
        if (!_positions.TryAdd(item, position))
        {
            return false;
        }

        if (position == _slots.Count)
        {
            _slots.Add(new Slot(item, Live: true));
        }
        else
        {
            _holes.Pop();
            _slots[position] = new Slot(item, Live: true);
        }

        return true;
    }

    public bool Remove(T item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        if (!_positions.Remove(item, out int position))
        {
            return false;
        }

        // A hole holds no item, so the removed one can be collected.
        _slots[position] = default;
        _holes.Push(position);

        // At least half the slots hold items, so a draw lands on one at the second try on average. Compacting costs
        // O(n), but only after about n / 2 removals since the last time: O(1) amortized.
        if (_holes.Count > _positions.Count)
        {
            Compact();
        }

        return true;
    }

    public bool Contains(T item) => item is null ? throw new ArgumentNullException(nameof(item)) : _positions.ContainsKey(item);

    public T GetRandom()
    {
        if (_positions.Count == 0)
        {
            throw new InvalidOperationException("The set is empty.");
        }

        // Drawing again on a hole is rejection sampling: every item stays exactly as likely as every other.
        while (true)
        {
            Slot slot = _slots[_random.Next(_slots.Count)];
            if (slot.Live)
            {
                return slot.Item;
            }
        }
    }

    // Slides the items down over the holes, in order, and tells each item where it now is.
    private void Compact()
    {
        int kept = 0;
        for (int position = 0; position < _slots.Count; position++)
        {
            Slot slot = _slots[position];
            if (slot.Live)
            {
                if (kept != position)
                {
                    _slots[kept] = slot;
                    _positions[slot.Item] = kept;
                }

                kept++;
            }
        }

        _slots.RemoveRange(kept, _slots.Count - kept);
        _holes.Clear();
    }

    // A hole is the default: no item, not live.
    private readonly record struct Slot(T Item, bool Live);
}
