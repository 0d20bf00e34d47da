using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// A fixed-capacity cache that, when full, evicts the entry used least recently.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
/// <remarks>
/// <see cref="TryGet"/>, <see cref="AddOrUpdate"/> and <see cref="Remove"/> must run in O(1) time, and once
/// the cache is full an insert must allocate nothing. Not thread-safe. The kata's instructions are src/Katas.Exercises/LruCache/README.md.
/// </remarks>
public sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Initializes an empty cache that holds at most <paramref name="capacity"/> entries.</summary>
    /// <param name="capacity">The most entries the cache holds; an insert past it evicts the least recently used.</param>
    /// <param name="comparer">Compares keys; <see langword="null"/> for the default equality comparer.</param>
    /// <param name="onEvicted">
    /// Called with the key and value of each entry that an insert evicts, after the cache has been updated;
    /// not called by <see cref="Remove"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is zero or negative.</exception>
    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        throw new NotImplementedException("LruCache: start here. Read src/Katas.Exercises/LruCache/README.md, then run ./kata check lru-cache.");
    }

    /// <summary>Gets the most entries the cache holds.</summary>
    public int Capacity => throw new NotImplementedException("LruCache.Capacity is not implemented yet.");

    /// <summary>Gets the number of entries in the cache.</summary>
    public int Count => throw new NotImplementedException("LruCache.Count is not implemented yet.");

    /// <summary>Looks up a key and, when it is present, makes its entry the most recently used.</summary>
    /// <param name="key">The key to look up.</param>
    /// <param name="value">The key's value when it is present; otherwise the default value.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        throw new NotImplementedException("LruCache.TryGet is not implemented yet.");
    }

    /// <summary>
    /// Sets a key's value and makes its entry the most recently used. Inserting a new key into a full
    /// cache first evicts the least recently used entry.
    /// </summary>
    /// <param name="key">The key to add or update.</param>
    /// <param name="value">The value to store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public void AddOrUpdate(TKey key, TValue value)
    {
        throw new NotImplementedException("LruCache.AddOrUpdate is not implemented yet.");
    }

    /// <summary>Removes a key and its value, if present. The removal is not reported as an eviction.</summary>
    /// <param name="key">The key to remove.</param>
    /// <returns><see langword="true"/> when the key was present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool Remove(TKey key)
    {
        throw new NotImplementedException("LruCache.Remove is not implemented yet.");
    }
}
