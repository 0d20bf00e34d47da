// Mistake: a different design, not an edit of an answer. Use counts live in a dictionary of their own, and eviction forgets to delete the victim's, so a key that comes back resumes its old count instead of starting at 1.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Katas;

public sealed class LfuCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _nodes;
    private readonly Dictionary<TKey, long> _uses;
    private readonly Dictionary<long, LinkedList<KeyValuePair<TKey, TValue>>> _lists = [];
    private readonly Stack<LinkedList<KeyValuePair<TKey, TValue>>> _spareLists = new();
    private readonly Action<TKey, TValue>? _onEvicted;
    private long _minUses;

    public LfuCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _nodes = new(comparer);
        _uses = new(comparer);
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
            CountUse(node);
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
            CountUse(node);
            return;
        }

        KeyValuePair<TKey, TValue>? evicted = null;
        if (_nodes.Count == Capacity)
        {
            node = _lists[_minUses].First!;
            evicted = node.Value;
            Unlink(node, _minUses);
            _nodes.Remove(node.Value.Key);
            node.Value = new(key, value);
        }
        else
        {
            _spareLists.Push(new LinkedList<KeyValuePair<TKey, TValue>>());
            _lists.EnsureCapacity(_nodes.Count + 1);
            node = new LinkedListNode<KeyValuePair<TKey, TValue>>(new(key, value));
        }

        long uses = ++CollectionsMarshal.GetValueRefOrAddDefault(_uses, key, out _);
        ListOf(uses).AddLast(node);
        _minUses = _nodes.Count == 0 ? uses : Math.Min(_minUses, uses);
        _nodes.Add(key, node);
        if (evicted is { } entry)
        {
            _onEvicted?.Invoke(entry.Key, entry.Value);
        }
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

        _uses.Remove(key, out long uses);
        Unlink(node, uses);
        if (uses == _minUses && !_lists.ContainsKey(uses))
        {
            _minUses = long.MaxValue;
            foreach (long count in _lists.Keys)
            {
                _minUses = Math.Min(_minUses, count);
            }
        }

        return true;
    }

    private void CountUse(LinkedListNode<KeyValuePair<TKey, TValue>> node)
    {
        ref long uses = ref CollectionsMarshal.GetValueRefOrNullRef(_uses, node.Value.Key);
        Unlink(node, uses);
        if (uses == _minUses && !_lists.ContainsKey(uses))
        {
            _minUses = uses + 1;
        }

        uses++;
        ListOf(uses).AddLast(node);
    }

    private void Unlink(LinkedListNode<KeyValuePair<TKey, TValue>> node, long uses)
    {
        var list = node.List!;
        list.Remove(node);
        if (list.Count == 0)
        {
            _lists.Remove(uses);
            _spareLists.Push(list);
        }
    }

    private LinkedList<KeyValuePair<TKey, TValue>> ListOf(long uses)
    {
        if (!_lists.TryGetValue(uses, out var list))
        {
            list = _spareLists.Pop();
            _lists.Add(uses, list);
        }

        return list;
    }
}
