namespace Katas.Benchmarks;

/// <summary>The two calls a cache workload makes; implemented by small structs so the JIT specializes the loop for each cache.</summary>
public interface ICacheOperations
{
    /// <summary>Looks a key up.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> on a hit.</returns>
    bool TryGet(int key);

    /// <summary>Adds or updates a key.</summary>
    /// <param name="key">The key, also stored as its value.</param>
    void Put(int key);
}

/// <summary>Replays an operation stream of <see cref="KeyStreams"/> against a cache.</summary>
public static class CacheWorkload
{
    /// <summary>Replays the stream: a non-negative entry is a get followed by a put on a miss, a negative one a put.</summary>
    /// <typeparam name="TCache">The cache's operations; a struct, so that the calls are not virtual.</typeparam>
    /// <param name="cache">The cache.</param>
    /// <param name="operations">The stream.</param>
    /// <returns>The number of hits.</returns>
    public static int Run<TCache>(TCache cache, int[] operations)
        where TCache : struct, ICacheOperations
    {
        int hits = 0;
        foreach (int operation in operations)
        {
            if (operation < 0)
            {
                cache.Put(~operation);
            }
            else if (cache.TryGet(operation))
            {
                hits++;
            }
            else
            {
                cache.Put(operation);
            }
        }

        return hits;
    }
}
