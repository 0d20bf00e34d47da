using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The LFU cache a strong candidate writes in 45 minutes, LeetCode 460's popular answer: a
/// <see cref="Dictionary{TKey, TValue}"/> finds a key's node, and another maps each use count to a
/// <see cref="LinkedList{T}"/> of the entries used that often, least recently used first, with the lowest count
/// kept in a field. The contract is the stub's XML docs (src/Katas.Exercises/LfuCache/LfuCache.cs); README.md
/// beside this folder says why this design and what it costs.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
public sealed class LfuCache<TKey, TValue>
    where TKey : notnull
{
    // Each key's node, in the list of its use count.
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _nodes;

    // The entries of each use count in use, least recently used first.
    private readonly Dictionary<long, LinkedList<Entry>> _lists = [];

    // Emptied lists, kept for the next count that needs one, so a full cache never makes a list.
    private readonly Stack<LinkedList<Entry>> _spareLists = new();

    private readonly Action<TKey, TValue>? _onEvicted;

    // The lowest use count in the cache, whose oldest entry is the next victim.
    private long _minUses;

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
        ThrowIfNull(key);
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
        ThrowIfNull(key);
        if (_nodes.TryGetValue(key, out var node))
        {
            node.ValueRef.Value = value;
            CountUse(node);
            return;
        }

        if (_nodes.Count == Capacity)
        {
            // The victim's node becomes the newcomer's, so a full cache allocates nothing.
            var victim = _lists[_minUses].First!;
            Entry evicted = victim.Value;
            Unlink(victim);
            _nodes.Remove(evicted.Key);
            victim.Value = new Entry(key, value, 1);
            ListOf(1).AddLast(victim);
            _nodes.Add(key, victim);
            _minUses = 1;
            _onEvicted?.Invoke(evicted.Key, evicted.Value);
            return;
        }

        // Every list in use holds an entry, so one list per entry the cache has held at once is all it ever needs.
        if (_lists.Count + _spareLists.Count <= _nodes.Count)
        {
            _spareLists.Push(new LinkedList<Entry>());
            _lists.EnsureCapacity(_nodes.Count + 1);
        }

        _nodes.Add(key, ListOf(1).AddLast(new Entry(key, value, 1)));
        _minUses = 1;
    }

    public bool Remove(TKey key)
    {
        ThrowIfNull(key);
        if (!_nodes.Remove(key, out var node))
        {
            return false;
        }

        // This may empty the lowest count's list and leave _minUses stale. No search for the next one: the cache
        // is no longer full, so the insert that fills it again sets _minUses to 1 before any eviction reads it.
        Unlink(node);
        return true;
    }

    private void CountUse(LinkedListNode<Entry> node)
    {
        long uses = node.Value.Uses;
        Unlink(node);
        if (uses == _minUses && !_lists.ContainsKey(uses))
        {
            // A use raises a count by exactly one, so the lowest count can only move up to this one.
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

    // A generic `key is null` check costs nothing for value types; ArgumentNullException.ThrowIfNull would box them.
    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }

    private struct Entry(TKey key, TValue value, long uses)
    {
        public TKey Key = key;
        public TValue Value = value;

        // How many times the entry has been used: its insert, and every hit and update since.
        public long Uses = uses;
    }
}
