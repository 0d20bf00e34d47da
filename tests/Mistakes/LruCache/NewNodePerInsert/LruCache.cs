// Mistake: correct, but every insert into a full cache allocates a new list node and a new dictionary entry.
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

        if (_nodes.Remove(key, out var node))
        {
            _recency.Remove(node);
        }
        else if (_nodes.Count == Capacity)
        {
            var oldest = _recency.Last!.Value;
            _recency.RemoveLast();
            _nodes.Remove(oldest.Key);
            _nodes.Add(key, _recency.AddFirst(new KeyValuePair<TKey, TValue>(key, value)));
            _onEvicted?.Invoke(oldest.Key, oldest.Value);
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
