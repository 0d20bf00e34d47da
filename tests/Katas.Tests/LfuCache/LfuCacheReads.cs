namespace Katas.Tests;

/// <summary>Reads of an LFU cache that the tests of every stage share. Each read is a use, as any TryGet hit is.</summary>
internal static class LfuCacheReads
{
    /// <summary>Reads a key the way LeetCode 460 does.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="key">The key.</param>
    /// <returns>The value, or -1 on a miss.</returns>
    public static int Get(this LfuCache<int, int> cache, int key) => cache.TryGet(key, out int value) ? value : -1;

    /// <summary>Reads a key that must be in the cache, a number of times: that many more uses.</summary>
    /// <typeparam name="TValue">The type of the values.</typeparam>
    /// <param name="cache">The cache.</param>
    /// <param name="key">The key.</param>
    /// <param name="times">How many reads.</param>
    public static void Read<TValue>(this LfuCache<int, TValue> cache, int key, int times)
    {
        for (int i = 0; i < times; i++)
        {
            cache.TryGet(key, out _).Should().BeTrue($"key {key} is expected in the cache");
        }
    }

    /// <summary>Reads each key of a range and lists those the cache holds; every hit is a use, so this ends a test.</summary>
    /// <typeparam name="TValue">The type of the values.</typeparam>
    /// <param name="cache">The cache.</param>
    /// <param name="keys">The keys to read, in order.</param>
    /// <returns>The keys that were hits.</returns>
    public static List<int> ContainedKeys<TValue>(this LfuCache<int, TValue> cache, Range keys)
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
