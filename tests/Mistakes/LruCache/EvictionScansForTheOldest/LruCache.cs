// Mistake: a different design, not an edit of an answer. Each entry carries the tick of its last use and an eviction scans every entry for the smallest: hits are O(1) and nothing is allocated once full, but every evicting insert is O(n).
using System.Diagnostics.CodeAnalysis;

namespace Katas;

public sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, (TValue Value, long LastUse)> _entries;
    private readonly Action<TKey, TValue>? _onEvicted;
    private long _clock;

    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _entries = new(comparer);
        _onEvicted = onEvicted;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ThrowIfNull(key);
        if (_entries.TryGetValue(key, out var entry))
        {
            _entries[key] = (entry.Value, ++_clock);
            value = entry.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void AddOrUpdate(TKey key, TValue value)
    {
        ThrowIfNull(key);
        if (!_entries.ContainsKey(key) && _entries.Count == Capacity)
        {
            var oldest = new KeyValuePair<TKey, (TValue Value, long LastUse)>(default!, (default!, long.MaxValue));
            foreach (var entry in _entries)
            {
                if (entry.Value.LastUse < oldest.Value.LastUse)
                {
                    oldest = entry;
                }
            }

            _entries.Remove(oldest.Key);
            _entries[key] = (value, ++_clock);
            _onEvicted?.Invoke(oldest.Key, oldest.Value.Value);
            return;
        }

        _entries[key] = (value, ++_clock);
    }

    public bool Remove(TKey key)
    {
        ThrowIfNull(key);
        return _entries.Remove(key);
    }

    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }
}
