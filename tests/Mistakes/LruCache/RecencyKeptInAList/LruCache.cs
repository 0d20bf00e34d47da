// Mistake: a different design, not an edit of an answer. The order of use is a List of keys, so every hit, update and eviction shifts the list: always right, allocation-free once full, but O(n) per operation.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

public sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _values;
    private readonly IEqualityComparer<TKey> _comparer;

    // Least recently used first.
    private readonly List<TKey> _recency = [];
    private readonly Action<TKey, TValue>? _onEvicted;

    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _values = new(_comparer);
        _onEvicted = onEvicted;
    }

    public int Capacity { get; }

    public int Count => _values.Count;

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ThrowIfNull(key);
        if (!_values.TryGetValue(key, out value))
        {
            return false;
        }

        Touch(key);
        return true;
    }

    public void AddOrUpdate(TKey key, TValue value)
    {
        ThrowIfNull(key);
        if (_values.ContainsKey(key))
        {
            _values[key] = value;
            Touch(key);
            return;
        }

        if (_values.Count == Capacity)
        {
            TKey oldest = _recency[0];
            _recency.RemoveAt(0);
            _values.Remove(oldest, out TValue? evicted);
            _values.Add(key, value);
            _recency.Add(key);
            _onEvicted?.Invoke(oldest, evicted!);
            return;
        }

        _values.Add(key, value);
        _recency.Add(key);
    }

    public bool Remove(TKey key)
    {
        ThrowIfNull(key);
        if (!_values.Remove(key))
        {
            return false;
        }

        _recency.RemoveAt(IndexOf(key));
        return true;
    }

    private void Touch(TKey key)
    {
        _recency.RemoveAt(IndexOf(key));
        _recency.Add(key);
    }

    private int IndexOf(TKey key) => _recency.FindIndex(candidate => _comparer.Equals(candidate, key));

    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }
}
