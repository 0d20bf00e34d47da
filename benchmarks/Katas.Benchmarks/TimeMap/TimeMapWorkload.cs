namespace Katas.Benchmarks;

/// <summary>What a time map benchmark measures.</summary>
public enum TimeMapWork
{
    /// <summary>Lookups at random timestamps on a filled map, reported per lookup.</summary>
    Lookups,

    /// <summary>Filling a new map, reported per write (its allocations included).</summary>
    Writes,
}

/// <summary>The two calls the time map workloads make; implemented by small structs so the JIT specializes the loop for each map.</summary>
public interface ITimeMapOperations
{
    /// <summary>Writes a version.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="timestamp">The timestamp.</param>
    void Write(int key, int value, long timestamp);

    /// <summary>Looks a key up at a timestamp.</summary>
    /// <param name="key">The key.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <param name="value">The value found.</param>
    /// <returns>Whether a version is at or before the timestamp.</returns>
    bool TryGet(int key, long timestamp, out int value);
}

/// <summary>
/// The time map workloads: 256 keys with 256 versions each, 65,536 writes in time order across the keys (each key's
/// versions 1,000 apart, one write in 16 a version late), and 65,536 lookups of random keys at random timestamps
/// over the whole history.
/// </summary>
public static class TimeMapWorkload
{
    /// <summary>How many keys.</summary>
    public const int Keys = 256;

    /// <summary>How many versions each key has.</summary>
    public const int VersionsPerKey = 256;

    /// <summary>The writes, and also the lookups, of one invocation.</summary>
    public const int Operations = Keys * VersionsPerKey;

    // The time between two versions of a key.
    private const long Spacing = 1_000;

    /// <summary>Makes the writes: version v of key k at v × 1,000 + k, but every 16th half-way between the two versions before it.</summary>
    /// <returns>The writes in the order they are made.</returns>
    public static (int Key, long Timestamp)[] Writes()
    {
        var writes = new (int Key, long Timestamp)[Operations];
        int next = 0;
        for (int version = 0; version < VersionsPerKey; version++)
        {
            for (int key = 0; key < Keys; key++)
            {
                long timestamp = version % 16 == 15 ? ((version - 1) * Spacing) - (Spacing / 2) : version * Spacing;
                writes[next++] = (key, timestamp + key);
            }
        }

        return writes;
    }

    /// <summary>Makes the lookups: seeded random keys at random timestamps from before the first version to after the last.</summary>
    /// <returns>The lookups.</returns>
    public static (int Key, long Timestamp)[] Lookups()
    {
        var random = new Random(981);
        return [.. Enumerable.Range(0, Operations).Select(_ => (random.Next(Keys), random.NextInt64((VersionsPerKey + 1) * Spacing)))];
    }

    /// <summary>Makes every write.</summary>
    /// <typeparam name="TMap">The map's operations; a struct, so that the calls are not virtual.</typeparam>
    /// <param name="map">The map.</param>
    /// <param name="writes">The writes.</param>
    /// <returns>The number of writes, so the call is not optimized away.</returns>
    public static int Write<TMap>(TMap map, (int Key, long Timestamp)[] writes)
        where TMap : struct, ITimeMapOperations
    {
        for (int i = 0; i < writes.Length; i++)
        {
            map.Write(writes[i].Key, i, writes[i].Timestamp);
        }

        return writes.Length;
    }

    /// <summary>Makes every lookup.</summary>
    /// <typeparam name="TMap">The map's operations; a struct, so that the calls are not virtual.</typeparam>
    /// <param name="map">The map.</param>
    /// <param name="lookups">The lookups.</param>
    /// <returns>A checksum of the values found.</returns>
    public static int Look<TMap>(TMap map, (int Key, long Timestamp)[] lookups)
        where TMap : struct, ITimeMapOperations
    {
        int checksum = 0;
        foreach (var (key, timestamp) in lookups)
        {
            if (map.TryGet(key, timestamp, out int value))
            {
                checksum += value;
            }
        }

        return checksum;
    }
}
