// Mistake: a different design, not an edit of an answer. A HashSet<T> alone, drawing with ElementAt(random.Next(Count)): every call is right and every draw uniform, but ElementAt walks the set's entries to the k-th one, so a draw is O(n), and it allocates an enumerator.
namespace Katas;

public sealed class RandomizedSet<T>
    where T : notnull
{
    private readonly HashSet<T> _items;
    private readonly Random _random;

    public RandomizedSet(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        _random = random ?? new Random();
        _items = new HashSet<T>(comparer);
    }

    public int Count => _items.Count;

    public bool TryAdd(T item) => item is null ? throw new ArgumentNullException(nameof(item)) : _items.Add(item);

    public bool Remove(T item) => item is null ? throw new ArgumentNullException(nameof(item)) : _items.Remove(item);

    public bool Contains(T item) => item is null ? throw new ArgumentNullException(nameof(item)) : _items.Contains(item);

    public T GetRandom() => _items.Count > 0 ? _items.ElementAt(_random.Next(_items.Count)) : throw new InvalidOperationException("The set is empty.");
}
