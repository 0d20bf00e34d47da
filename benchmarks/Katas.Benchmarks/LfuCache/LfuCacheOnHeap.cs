namespace Katas.Benchmarks;

/// <summary>
/// The LFU cache the interview question's sketch suggests: a binary min-heap of entries ordered by
/// (uses, last use), with a <see cref="Dictionary{TKey, TValue}"/> from key to entry. Same answers as the
/// kata's reference (LeetCode 460 semantics), but a hit sifts the entry down the heap: O(log n) per use.
/// Entries live in arrays and the evicted slot is reused, so it allocates nothing once full; the cost
/// measured is the heap's, not the garbage collector's.
/// </summary>
/// <remarks>
/// A peer, not one of the kata's answers: besides its O(log n) use, which the kata's contract rules out, it
/// has only the calls the benchmark makes (int keys, no comparer, no eviction callback, no Remove) and
/// reserves its arrays for the whole capacity up front.
/// </remarks>
public sealed class LfuCacheOnHeap
{
    private readonly int _capacity;

    // Key to entry slot.
    private readonly Dictionary<int, int> _slots;

    // Entries by slot.
    private readonly int[] _keys;
    private readonly int[] _values;
    private readonly long[] _uses;
    private readonly long[] _lastUse;

    // Each slot's position in _heap.
    private readonly int[] _positions;

    // The heap of slots; _heap[0] is the victim: fewest uses, then oldest last use.
    private readonly int[] _heap;

    // The number of entries.
    private int _count;

    // Advances on every use, so that last-use times are unique.
    private long _clock;

    /// <summary>Initializes an empty cache.</summary>
    /// <param name="capacity">The most entries it holds.</param>
    public LfuCacheOnHeap(int capacity)
    {
        _capacity = capacity;
        _slots = new Dictionary<int, int>(capacity);
        _keys = new int[capacity];
        _values = new int[capacity];
        _uses = new long[capacity];
        _lastUse = new long[capacity];
        _positions = new int[capacity];
        _heap = new int[capacity];
    }

    /// <summary>Looks a key up and counts a use.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">Its value on a hit.</param>
    /// <returns><see langword="true"/> on a hit.</returns>
    public bool TryGet(int key, out int value)
    {
        if (_slots.TryGetValue(key, out int slot))
        {
            Use(slot);
            value = _values[slot];
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Adds or updates a key; an update counts a use, an insert into a full cache evicts the heap's root.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void AddOrUpdate(int key, int value)
    {
        if (_slots.TryGetValue(key, out int slot))
        {
            _values[slot] = value;
            Use(slot);
            return;
        }

        if (_count == _capacity)
        {
            // The root is the victim; its slot takes the newcomer, which has the fewest uses but the
            // latest last use, so it sinks below every other one-use entry.
            slot = _heap[0];
            _slots.Remove(_keys[slot]);
            Fill(slot, key, value);
            SiftDown(0);
            return;
        }

        slot = _count++;
        Fill(slot, key, value);
        _heap[slot] = slot;
        _positions[slot] = slot;
        SiftUp(slot);
    }

    private void Fill(int slot, int key, int value)
    {
        _keys[slot] = key;
        _values[slot] = value;
        _uses[slot] = 1;
        _lastUse[slot] = ++_clock;
        _slots.Add(key, slot);
    }

    private void Use(int slot)
    {
        _uses[slot]++;
        _lastUse[slot] = ++_clock;
        SiftDown(_positions[slot]);
    }

    private bool Before(int slot, int other) =>
        _uses[slot] < _uses[other] || (_uses[slot] == _uses[other] && _lastUse[slot] < _lastUse[other]);

    private void SiftDown(int position)
    {
        int slot = _heap[position];
        while (true)
        {
            int child = (2 * position) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Before(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Before(_heap[child], slot))
            {
                break;
            }

            Place(_heap[child], position);
            position = child;
        }

        Place(slot, position);
    }

    private void SiftUp(int position)
    {
        int slot = _heap[position];
        while (position > 0)
        {
            int parent = (position - 1) / 2;
            if (!Before(slot, _heap[parent]))
            {
                break;
            }

            Place(_heap[parent], position);
            position = parent;
        }

        Place(slot, position);
    }

    private void Place(int slot, int position)
    {
        _heap[position] = slot;
        _positions[slot] = position;
    }
}
