// Mistake: a different design, not an edit of an answer. The randomized set of the distinct items, beside a count of each item's copies: every call is right and O(1), but a draw picks a distinct item, so an item held ten times comes up no more often than one held once.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "LeetCode 381 names it so.")]
public sealed class RandomizedCollection<T>
    where T : notnull
{
    private readonly RandomizedSet<T> _distinct;
    private readonly Dictionary<T, int> _copies;

    public RandomizedCollection(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        _distinct = new RandomizedSet<T>(random, comparer);
        _copies = new Dictionary<T, int>(comparer);
    }

    public int Count { get; private set; }

    public bool Add(T item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        bool isNew = _distinct.TryAdd(item);
        _copies[item] = isNew ? 1 : _copies[item] + 1;
        Count++;
        return isNew;
    }

    public bool Remove(T item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        if (!_copies.TryGetValue(item, out int copies))
        {
            return false;
        }

        if (copies == 1)
        {
            _copies.Remove(item);
            _distinct.Remove(item);
        }
        else
        {
            _copies[item] = copies - 1;
        }

        Count--;
        return true;
    }

    public bool Contains(T item) => _distinct.Contains(item);

    public T GetRandom() => Count > 0 ? _distinct.GetRandom() : throw new InvalidOperationException("The collection is empty.");
}
