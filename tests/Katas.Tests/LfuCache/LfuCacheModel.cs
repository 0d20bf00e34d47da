using CsCheck;

namespace Katas.Tests;

/// <summary>
/// An LFU cache as a list of entries with their use counts and last-use times, the victim found by sorting:
/// O(n log n) per eviction and obviously right.
/// </summary>
/// <param name="capacity">The most entries it holds.</param>
internal sealed class LfuCacheModel(int capacity)
{
    private readonly List<ModelEntry> _entries = [];

    // Advances on every use, so that last-use times are unique.
    private long _clock;

    /// <summary>Gets the number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The model test of the cache, declared once: random TryGet, AddOrUpdate and Remove calls on a cache of the
    /// given capacity over a few more keys than it holds, with every eviction the cache reports. Skewed keys, as in
    /// real traffic, make low keys hot, so that use counts spread out.
    /// </summary>
    public static ModelTest<(int Capacity, int Keys, bool Skewed), EvictionRecorder, LfuCacheModel> Test { get; } = new(
        config => new EvictionRecorder(config.Capacity),
        config => new LfuCacheModel(config.Capacity),
        config =>
        {
            var keys = config.Skewed
                ? Gen.Double[0, 1].Select(x => Math.Min(config.Keys - 1, (int)(config.Keys * x * x)))
                : Gen.Int[0, config.Keys - 1];
            return Gen.Frequency(
                (50, keys.Select(key => ModelStep.Returns<EvictionRecorder, LfuCacheModel, (bool, int)>(
                    $"TryGet({key})", s => (s.Cache.TryGet(key, out int value), value), m => m.TryGet(key)))),
                (42, Gen.Select(keys, Gen.Int[0, 999], (key, value) => ModelStep.Returns<EvictionRecorder, LfuCacheModel, (int, int)[]>(
                    $"AddOrUpdate({key}, {value})", s => s.AddOrUpdate(key, value), m => m.AddOrUpdate(key, value)))),
                (8, keys.Select(key => ModelStep.Returns<EvictionRecorder, LfuCacheModel, (bool, (int, int)[])>(
                    $"Remove({key})", s => (s.Cache.Remove(key), s.TakeEvicted()), m => (m.Remove(key), [])))));
        })
    {
        Invariant = (s, m) => s.Cache.Count == m.Count ? null : $"Count is {s.Cache.Count}, but the model holds {m.Count} entries",
        DescribeConfig = config => $"capacity {config.Capacity}",
    };

    /// <summary>Looks a key up; a hit counts a use.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it was there, and its value.</returns>
    public (bool, int) TryGet(int key)
    {
        var entry = _entries.Find(entry => entry.Key == key);
        if (entry is null)
        {
            return (false, 0);
        }

        Use(entry);
        return (true, entry.Value);
    }

    /// <summary>
    /// Updates a key, which counts a use, or inserts it with one use, first evicting the entry with the fewest
    /// uses (of those, the one used longest ago) from a full cache.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The entries evicted: none, or the victim.</returns>
    public (int, int)[] AddOrUpdate(int key, int value)
    {
        var entry = _entries.Find(entry => entry.Key == key);
        if (entry is not null)
        {
            entry.Value = value;
            Use(entry);
            return [];
        }

        (int, int)[] evicted = [];
        if (_entries.Count == capacity)
        {
            var victim = _entries.OrderBy(entry => entry.Uses).ThenBy(entry => entry.LastUse).First();
            _entries.Remove(victim);
            evicted = [(victim.Key, victim.Value)];
        }

        _entries.Add(new ModelEntry { Key = key, Value = value, Uses = 1, LastUse = ++_clock });
        return evicted;
    }

    /// <summary>Removes a key, and its uses with it.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it was there.</returns>
    public bool Remove(int key) => _entries.RemoveAll(entry => entry.Key == key) > 0;

    private void Use(ModelEntry entry)
    {
        entry.Uses++;
        entry.LastUse = ++_clock;
    }

    /// <summary>A cache under test with the evictions it reports, taken after each call.</summary>
    internal sealed class EvictionRecorder
    {
        private readonly List<(int, int)> _evicted = [];

        /// <summary>Initializes a cache of the given capacity that records its evictions.</summary>
        /// <param name="capacity">The cache's capacity.</param>
        public EvictionRecorder(int capacity) => Cache = new(capacity, onEvicted: (key, value) => _evicted.Add((key, value)));

        /// <summary>Gets the cache.</summary>
        public LfuCache<int, int> Cache { get; }

        /// <summary>Adds or updates a key.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        /// <returns>The entries the call evicted.</returns>
        public (int, int)[] AddOrUpdate(int key, int value)
        {
            Cache.AddOrUpdate(key, value);
            return TakeEvicted();
        }

        /// <summary>Takes the evictions reported since the last call.</summary>
        /// <returns>The entries evicted, in the order they were reported.</returns>
        public (int, int)[] TakeEvicted()
        {
            (int, int)[] evicted = [.. _evicted];
            _evicted.Clear();
            return evicted;
        }
    }

    private sealed class ModelEntry
    {
        public int Key { get; init; }

        public int Value { get; set; }

        public int Uses { get; set; }

        public long LastUse { get; set; }
    }
}
