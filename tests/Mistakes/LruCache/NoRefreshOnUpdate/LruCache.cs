// Mistake: an update replaces the value but leaves the entry where it was in the order of use.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

public sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _nodes;
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _recency = new();
    private readonly Action<TKey, TValue>? _onEvicted;

    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _nodes = new(comparer);
        _onEvicted = onEvicted;
    }

    public int Capacity { get; }

    public int Count => _nodes.Count;

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_nodes.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void AddOrUpdate(TKey key, TValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_nodes.TryGetValue(key, out var node))
        {
            node.Value = new(key, value);
            return;
        }

        if (_nodes.Count == Capacity)
        {
            // Reuse the evicted node for the newcomer: no allocation once full.
            var oldest = _recency.Last!;
            var evicted = oldest.Value;
            _recency.RemoveLast();
            _nodes.Remove(evicted.Key);
            oldest.Value = new(key, value);
            _recency.AddFirst(oldest);
            _nodes[key] = oldest;
            _onEvicted?.Invoke(evicted.Key, evicted.Value);
            return;
        }

        _nodes.Add(key, _recency.AddFirst(new KeyValuePair<TKey, TValue>(key, value)));
    }

    public bool Remove(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (!_nodes.Remove(key, out var node))
        {
            return false;
        }

        _recency.Remove(node);
        return true;
    }
}
