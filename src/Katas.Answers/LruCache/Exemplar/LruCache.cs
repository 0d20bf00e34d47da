using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The LRU cache a strong candidate writes in 45 minutes: a <see cref="Dictionary{TKey, TValue}"/> finds a
/// key's node, a <see cref="LinkedList{T}"/> keeps the nodes in order of use, most recent first. The contract
/// is the stub's XML docs (src/Katas.Exercises/LruCache/LruCache.cs); README.md beside this folder says why
/// this design and what it costs.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
public sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    // Each key's node in the recency list.
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _nodes;

    // The entries in order of use: most recent first, the next to evict last.
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
        ThrowIfNull(key);
        if (_nodes.TryGetValue(key, out var node))
        {
            MoveToFront(node);
            value = node.Value.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void AddOrUpdate(TKey key, TValue value)
    {
        ThrowIfNull(key);
        if (_nodes.TryGetValue(key, out var node))
        {
            node.Value = new(key, value);
            MoveToFront(node);
            return;
        }

        if (_nodes.Count < Capacity)
        {
            _nodes.Add(key, _recency.AddFirst(new KeyValuePair<TKey, TValue>(key, value)));
            return;
        }

        // Full: the oldest node becomes the newcomer's, so a full cache allocates nothing.
        var oldest = _recency.Last!;
        var evicted = oldest.Value;
        _nodes.Remove(evicted.Key);
        oldest.Value = new(key, value);
        MoveToFront(oldest);
        _nodes.Add(key, oldest);
        _onEvicted?.Invoke(evicted.Key, evicted.Value);
    }

    public bool Remove(TKey key)
    {
        ThrowIfNull(key);
        if (!_nodes.Remove(key, out var node))
        {
            return false;
        }

        _recency.Remove(node);
        return true;
    }

    private void MoveToFront(LinkedListNode<KeyValuePair<TKey, TValue>> node)
    {
        _recency.Remove(node);
        _recency.AddFirst(node);
    }

    // A generic `key is null` check costs nothing for value types; ArgumentNullException.ThrowIfNull would box them.
    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }
}
