using CsCheck;

namespace Katas.Tests;

/// <summary>An LRU cache as a list, least recent first: O(n) per operation and obviously right.</summary>
/// <param name="capacity">The most entries it holds.</param>
internal sealed class LruCacheModel(int capacity)
{
    private readonly List<(int Key, int Value)> _entries = [];

    /// <summary>Gets the number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The model test of the cache, declared once: random TryGet, AddOrUpdate and Remove calls on a cache of
    /// the given capacity over a few more keys than it holds, with every eviction the cache reports.
    /// </summary>
    public static ModelTest<(int Capacity, int Keys), EvictionRecorder, LruCacheModel> Test { get; } = new(
        config => new EvictionRecorder(config.Capacity),
        config => new LruCacheModel(config.Capacity),
        config => Gen.Frequency(
            (45, Gen.Int[0, config.Keys - 1].Select(key => ModelStep.Returns<EvictionRecorder, LruCacheModel, (bool, int)>(
                $"TryGet({key})", s => (s.Cache.TryGet(key, out int value), value), m => m.TryGet(key)))),
            (45, Gen.Select(Gen.Int[0, config.Keys - 1], Gen.Int[0, 999], (key, value) => ModelStep.Returns<EvictionRecorder, LruCacheModel, (int, int)[]>(
                $"AddOrUpdate({key}, {value})", s => s.AddOrUpdate(key, value), m => m.AddOrUpdate(key, value)))),
            (10, Gen.Int[0, config.Keys - 1].Select(key => ModelStep.Returns<EvictionRecorder, LruCacheModel, (bool, (int, int)[])>(
                $"Remove({key})", s => (s.Cache.Remove(key), s.TakeEvicted()), m => (m.Remove(key), []))))))
    {
        Invariant = (s, m) => s.Cache.Count == m.Count ? null : $"Count is {s.Cache.Count}, but the model holds {m.Count} entries",
        DescribeConfig = config => $"capacity {config.Capacity}",
    };

    /// <summary>Looks a key up; a hit makes it the most recent.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it was there, and its value.</returns>
    public (bool, int) TryGet(int key)
    {
        int index = _entries.FindIndex(entry => entry.Key == key);
        if (index < 0)
        {
            return (false, 0);
        }

        var entry = _entries[index];
        _entries.RemoveAt(index);
        _entries.Add(entry);
        return (true, entry.Value);
    }

    /// <summary>Adds or updates a key as the most recent, evicting the least recent entry of a full cache.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>The entries evicted: none, or the least recent one.</returns>
    public (int, int)[] AddOrUpdate(int key, int value)
    {
        int index = _entries.FindIndex(entry => entry.Key == key);
        (int, int)[] evicted = [];
        if (index >= 0)
        {
            _entries.RemoveAt(index);
        }
        else if (_entries.Count == capacity)
        {
            evicted = [_entries[0]];
            _entries.RemoveAt(0);
        }

        _entries.Add((key, value));
        return evicted;
    }

    /// <summary>Removes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it was there.</returns>
    public bool Remove(int key) => _entries.RemoveAll(entry => entry.Key == key) > 0;

    /// <summary>A cache under test with the evictions it reports, taken after each call.</summary>
    internal sealed class EvictionRecorder
    {
        private readonly List<(int, int)> _evicted = [];

        /// <summary>Initializes a cache of the given capacity that records its evictions.</summary>
        /// <param name="capacity">The cache's capacity.</param>
        public EvictionRecorder(int capacity) => Cache = new(capacity, onEvicted: (key, value) => _evicted.Add((key, value)));

        /// <summary>Gets the cache.</summary>
        public LruCache<int, int> Cache { get; }

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
        /// <returns>The entries evicted, oldest first.</returns>
        public (int, int)[] TakeEvicted()
        {
            (int, int)[] evicted = [.. _evicted];
            _evicted.Clear();
            return evicted;
        }
    }
}
