using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// LeetCode 381's answer: a <see cref="List{T}"/> of every occurrence and, for each item, the set of its positions
/// in it; a removal moves the last occurrence into the hole. The contract is the stub's XML docs
/// (src/Katas.Exercises/RandomizedSet/RandomizedCollection.cs).
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "LeetCode 381 names it so.")]
public sealed class RandomizedCollection<T>
    where T : notnull
{
    // Every occurrence: an item added three times is here three times.
    private readonly List<T> _items = [];

    // The positions in _items of each held item's occurrences; an item leaves when its last occurrence does.
    private readonly Dictionary<T, HashSet<int>> _positions;

    // Draws the positions.
    private readonly Random _random;

    public RandomizedCollection(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        _random = random ?? new Random();
        _positions = new Dictionary<T, HashSet<int>>(comparer);
    }

    public int Count => _items.Count;

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

        positions!.Add(_items.Count);
        _items.Add(item);
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

        // Any occurrence will do. The hash set's enumerator is a struct: taking the first allocates nothing.
        int position = -1;
        foreach (int first in positions)
        {
            position = first;
            break;
        }

        // Forget the hole, then move the last occurrence into it, unless the hole is the last position: the
        // occurrence to move is then the one removed, and adding its position back would leave one past the end.
        int last = _items.Count - 1;
        positions.Remove(position);
        if (position != last)
        {
            T moved = _items[last];
            _items[position] = moved;
            var movedPositions = _positions[moved];
            movedPositions.Remove(last);
            movedPositions.Add(position);
        }

        _items.RemoveAt(last);
        if (positions.Count == 0)
        {
            _positions.Remove(item);
        }

        return true;
    }

    public bool Contains(T item) => item is null ? throw new ArgumentNullException(nameof(item)) : _positions.ContainsKey(item);

    public T GetRandom() => _items.Count > 0 ? _items[_random.Next(_items.Count)] : throw new InvalidOperationException("The collection is empty.");
}
