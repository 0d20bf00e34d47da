// Mistake: a different design, not an edit of an answer. The set is the exemplar's, unchanged; the mistake is in RandomizedCollection.cs.
namespace Katas;

/// <summary>
/// The randomized set a strong candidate writes in 45 minutes: a <see cref="List{T}"/> of the items, which
/// <c>GetRandom</c> indexes at random, and a <see cref="Dictionary{TKey, TValue}"/> from each item to its position;
/// a removal moves the last item into the hole. The contract is the stub's XML docs
/// (src/Katas.Exercises/RandomizedSet/RandomizedSet.cs); README.md beside this folder says why and what it costs.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class RandomizedSet<T>
    where T : notnull
{
    // The items, in no order that means anything: GetRandom draws a position.
    private readonly List<T> _items = [];

    // Each item's position in _items.
    private readonly Dictionary<T, int> _positions;

    // Draws the positions.
    private readonly Random _random;

    public RandomizedSet(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        _random = random ?? new Random();
        _positions = new Dictionary<T, int>(comparer);
    }

    public int Count => _items.Count;

    public bool TryAdd(T item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        if (!_positions.TryAdd(item, _items.Count))
        {
            return false;
        }

        _items.Add(item);
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

        // Fill the hole with the last item, unless the hole is the last position: then the item to move is the one
        // just removed, and writing its position back would add it again.
        int last = _items.Count - 1;
        if (position != last)
        {
            T moved = _items[last];
            _items[position] = moved;
            _positions[moved] = position;
        }

        // Removing the last element shifts nothing, and List<T> clears the slot so the item can be collected.
        _items.RemoveAt(last);
        return true;
    }

    public bool Contains(T item) => item is null ? throw new ArgumentNullException(nameof(item)) : _positions.ContainsKey(item);

    public T GetRandom() => _items.Count > 0 ? _items[_random.Next(_items.Count)] : throw new InvalidOperationException("The set is empty.");
}
