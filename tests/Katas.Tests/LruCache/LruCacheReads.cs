namespace Katas.Tests;

/// <summary>Reads of an LRU cache that the tests of every stage share. Each read is a use, as any TryGet is.</summary>
internal static class LruCacheReads
{
    /// <summary>Reads a key the way LeetCode 146 does.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or -1 on a miss.</returns>
    public static int Get(this LruCache<int, int> cache, int key) => cache.TryGet(key, out int value) ? value : -1;

    /// <summary>Reads each key of a range and lists those the cache holds.</summary>
    /// <typeparam name="TValue">The type of the values.</typeparam>
    /// <param name="cache">The cache.</param>
    /// <param name="keys">The keys to read, in order.</param>
    /// <returns>The keys that were hits.</returns>
    public static List<int> ContainedKeys<TValue>(this LruCache<int, TValue> cache, Range keys)
    {
        var contained = new List<int>();
        for (int key = keys.Start.Value; key < keys.End.Value; key++)
        {
            if (cache.TryGet(key, out _))
            {
                contained.Add(key);
            }
        }

        return contained;
    }
}
