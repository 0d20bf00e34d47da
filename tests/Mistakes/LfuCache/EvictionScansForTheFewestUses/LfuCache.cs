// Mistake: a different design, not an edit of an answer. Each entry carries its use count and the tick of its last use, and an eviction scans every entry for the fewest uses, then the oldest: always right, O(1) hits, nothing allocated once full, but every evicting insert is O(n).
using System.Diagnostics.CodeAnalysis;

namespace Katas;

public sealed class LfuCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _entries;
    private readonly Action<TKey, TValue>? _onEvicted;
    private long _clock;

    public LfuCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
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
            _entries[key] = new Entry(entry.Value, entry.Uses + 1, ++_clock);
            value = entry.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void AddOrUpdate(TKey key, TValue value)
    {
        ThrowIfNull(key);
        if (_entries.TryGetValue(key, out var entry))
        {
            _entries[key] = new Entry(value, entry.Uses + 1, ++_clock);
            return;
        }

        if (_entries.Count < Capacity)
        {
            _entries.Add(key, new Entry(value, 1, ++_clock));
            return;
        }

        TKey victim = default!;
        Entry fewest = new(default!, long.MaxValue, long.MaxValue);
        foreach (var (candidate, candidateEntry) in _entries)
        {
            if (candidateEntry.Uses < fewest.Uses || (candidateEntry.Uses == fewest.Uses && candidateEntry.LastUse < fewest.LastUse))
            {
                victim = candidate;
                fewest = candidateEntry;
            }
        }

        _entries.Remove(victim);
        _entries.Add(key, new Entry(value, 1, ++_clock));
        _onEvicted?.Invoke(victim, fewest.Value);
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

    private readonly record struct Entry(TValue Value, long Uses, long LastUse);
}
