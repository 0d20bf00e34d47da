using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// A fixed-capacity cache that, when full, evicts the entry used least often, and among entries used
/// equally often the one used least recently.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
/// <remarks>
/// An entry's uses are counted from its insert (one use) through every <see cref="TryGet"/> hit and every
/// update by <see cref="AddOrUpdate"/>. <see cref="TryGet"/>, <see cref="AddOrUpdate"/> and
/// <see cref="Remove"/> must run in O(1) time whatever the capacity and however the uses are spread: no heap,
/// no sorted structure, no scan for the fewest uses. The storage grows with the entries, not with the
/// capacity, and once the cache is full an insert must allocate nothing. Not thread-safe.
/// See src/Katas.Exercises/LfuCache/README.md.
/// </remarks>
public sealed class LfuCache<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Initializes an empty cache that holds at most <paramref name="capacity"/> entries.</summary>
    /// <param name="capacity">The most entries the cache holds; an insert past it evicts the least frequently used.</param>
    /// <param name="comparer">Compares keys; <see langword="null"/> for the default equality comparer.</param>
    /// <param name="onEvicted">
    /// Called with the key and value of each entry that an insert evicts, after the cache has been updated;
    /// not called by <see cref="Remove"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is zero or negative.</exception>
    public LfuCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        throw new NotImplementedException("LfuCache: start here. Read src/Katas.Exercises/LfuCache/README.md, then run ./kata check lfu-cache.");
    }

    /// <summary>Gets the most entries the cache holds.</summary>
    public int Capacity => throw new NotImplementedException("LfuCache.Capacity is not implemented yet.");

    /// <summary>Gets the number of entries in the cache.</summary>
    public int Count => throw new NotImplementedException("LfuCache.Count is not implemented yet.");

    /// <summary>Looks up a key and, when it is present, counts a use of its entry.</summary>
    /// <param name="key">The key to look up.</param>
    /// <param name="value">The key's value when it is present; otherwise the default value.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    /// <remarks>O(1). A miss changes nothing.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        throw new NotImplementedException("LfuCache.TryGet is not implemented yet.");
    }

    /// <summary>
    /// Sets a key's value. Updating a present key counts as a use of its entry; a new key starts with one
    /// use, and inserting it into a full cache first evicts the least frequently used entry (of those, the
    /// least recently used).
    /// </summary>
    /// <param name="key">The key to add or update.</param>
    /// <param name="value">The value to store.</param>
    /// <remarks>O(1). Allocates only while the cache grows towards its capacity.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public void AddOrUpdate(TKey key, TValue value)
    {
        throw new NotImplementedException("LfuCache.AddOrUpdate is not implemented yet.");
    }

    /// <summary>Removes a key and its value, if present. The removal is not reported as an eviction.</summary>
    /// <param name="key">The key to remove.</param>
    /// <returns><see langword="true"/> when the key was present.</returns>
    /// <remarks>O(1). A key added again later starts over with one use.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool Remove(TKey key)
    {
        throw new NotImplementedException("LfuCache.Remove is not implemented yet.");
    }
}
