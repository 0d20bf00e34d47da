namespace Katas.Benchmarks;

/// <summary>
/// The LRU cache most candidates write at the whiteboard: a <see cref="Dictionary{TKey, TValue}"/> of
/// <see cref="LinkedListNode{T}"/>s and a <see cref="LinkedList{T}"/>, with a new node for every insert.
/// </summary>
public sealed class DictionaryLinkedListLru(int capacity)
{
    private readonly Dictionary<int, LinkedListNode<(int Key, int Value)>> _nodes = new(capacity + 1);
    private readonly LinkedList<(int Key, int Value)> _recency = new();

    /// <summary>Looks a key up and makes it the most recent.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">Its value on a hit.</param>
    /// <returns><see langword="true"/> on a hit.</returns>
    public bool TryGet(int key, out int value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Adds or updates a key, evicting the least recent entry when full.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void AddOrUpdate(int key, int value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            node.Value = (key, value);
            _recency.Remove(node);
            _recency.AddFirst(node);
            return;
        }

        if (_nodes.Count == capacity)
        {
            _nodes.Remove(_recency.Last!.Value.Key);
            _recency.RemoveLast();
        }

        _nodes.Add(key, _recency.AddFirst((key, value)));
    }
}
