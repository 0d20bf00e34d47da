// Mistake: the lowest use count starts at 1 and rises as entries are used, but an insert does not set it back to 1, so the next eviction looks in the wrong list.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

public sealed class LfuCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _nodes;
    private readonly Dictionary<long, LinkedList<Entry>> _lists = [];
    private readonly Stack<LinkedList<Entry>> _spareLists = new();
    private readonly Action<TKey, TValue>? _onEvicted;
    private long _minUses = 1;

    public LfuCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
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
            node.ValueRef.Value = value;
            CountUse(node);
            return;
        }

        if (_nodes.Count == Capacity)
        {
            var victim = _lists[_minUses].First!;
            Entry evicted = victim.Value;
            Unlink(victim);
            _nodes.Remove(evicted.Key);
            victim.Value = new Entry(key, value, 1);
            ListOf(1).AddLast(victim);
            _nodes.Add(key, victim);
            _onEvicted?.Invoke(evicted.Key, evicted.Value);
            return;
        }

        // There are never more counts than entries: one spare list per entry means a full cache never makes one.
        _spareLists.Push(new LinkedList<Entry>());
        _lists.EnsureCapacity(_nodes.Count + 1);
        node = ListOf(1).AddLast(new Entry(key, value, 1));
        _nodes.Add(key, node);
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

        long uses = node.Value.Uses;
        Unlink(node);
        if (uses == _minUses && !_lists.ContainsKey(uses))
        {
            // LeetCode has no Remove. Here the lowest count may be gone, and the next one is not known: scan
            // the counts in use. O(distinct counts), but only when Remove empties the lowest list.
            _minUses = long.MaxValue;
            foreach (long count in _lists.Keys)
            {
                _minUses = Math.Min(_minUses, count);
            }
        }

        return true;
    }

    private void CountUse(LinkedListNode<Entry> node)
    {
        long uses = node.Value.Uses;
        Unlink(node);
        if (uses == _minUses && !_lists.ContainsKey(uses))
        {
            _minUses = uses + 1;
        }

        node.ValueRef.Uses = uses + 1;
        ListOf(uses + 1).AddLast(node);
    }

    private void Unlink(LinkedListNode<Entry> node)
    {
        var list = node.List!;
        list.Remove(node);
        if (list.Count == 0)
        {
            _lists.Remove(node.Value.Uses);
            _spareLists.Push(list);
        }
    }

    private LinkedList<Entry> ListOf(long uses)
    {
        if (!_lists.TryGetValue(uses, out var list))
        {
            list = _spareLists.Pop();
            _lists.Add(uses, list);
        }

        return list;
    }

    private struct Entry(TKey key, TValue value, long uses)
    {
        public TKey Key = key;
        public TValue Value = value;
        public long Uses = uses;
    }
}
