// Mistake: a different design, not an edit of an answer. The first answer most people give: a Dictionary<TKey, TValue> behind one lock that every call takes, readers included. It is correct on any number of threads, but there is one segment: a writer parked in a factory holds up every other writer, and every reader.
using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Katas;

public sealed class ConcurrentHashMap<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _entries;

    // The one lock: every call, read or write, holds it.
    private readonly Lock _gate = new();

    public ConcurrentHashMap(IEqualityComparer<TKey>? comparer = null) => _entries = new(comparer);

    public ConcurrentHashMap(int concurrencyLevel, int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrencyLevel);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _entries = new(capacity, comparer);
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ThrowIfNull(key);
        lock (_gate)
        {
            return _entries.TryGetValue(key, out value);
        }
    }

    public bool TryAdd(TKey key, TValue value)
    {
        ThrowIfNull(key);
        lock (_gate)
        {
            return _entries.TryAdd(key, value);
        }
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> valueFactory)
    {
        ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(valueFactory);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out TValue? value))
            {
                value = valueFactory(key);
                _entries.Add(key, value);
            }

            return value;
        }
    }

    public TValue AddOrUpdate(TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory)
    {
        ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        lock (_gate)
        {
            TValue value = _entries.TryGetValue(key, out TValue? current) ? updateValueFactory(key, current) : addValue;
            _entries[key] = value;
            return value;
        }
    }

    public bool TryRemove(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ThrowIfNull(key);
        lock (_gate)
        {
            return _entries.Remove(key, out value);
        }
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        lock (_gate)
        {
            return _entries.ToList().GetEnumerator();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }
}
