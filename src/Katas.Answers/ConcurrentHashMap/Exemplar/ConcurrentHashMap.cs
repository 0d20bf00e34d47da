using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Katas;

/// <summary>
/// The concurrent hash map a strong candidate writes in 45 minutes: an array of buckets, each a chain of nodes
/// whose key and value never change, guarded by a power-of-two array of locks (a key's segment is its hash mod
/// the locks). Readers walk the chains with volatile reads and no lock; writers lock their key's segment and swap
/// one link; a resize takes every lock and copies the nodes into a table twice the size. The contract is the
/// stub's XML docs (src/Katas.Exercises/ConcurrentHashMap/ConcurrentHashMap.cs); README.md beside this folder says
/// why this design and what it costs.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
public sealed class ConcurrentHashMap<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private const int MaxLocks = 1 << 10;
    private const int MaxBuckets = 1 << 30;

    // One lock per segment.
    private readonly object[] _locks;

    // The entries of each segment, each under its segment's lock: one shared int would lose updates made under different locks.
    private readonly int[] _counts;

    private readonly IEqualityComparer<TKey> _comparer;

    // The chains, replaced whole by a resize. Never fewer buckets than locks, both powers of two, so a key's
    // segment is the same in every table.
    private volatile Node?[] _buckets;

    public ConcurrentHashMap(IEqualityComparer<TKey>? comparer = null)
        : this(4 * Environment.ProcessorCount, 32, comparer)
    {
    }

    public ConcurrentHashMap(int concurrencyLevel, int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrencyLevel);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _locks = [.. Enumerable.Range(0, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(concurrencyLevel, MaxLocks))).Select(_ => new object())];
        _counts = new int[_locks.Length];
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _buckets = new Node?[Math.Max(_locks.Length, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(capacity, MaxBuckets)))];
    }

    public int Count => UnderAllLocks(() => _counts.Sum());

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ThrowIfNull(key);
        int hash = _comparer.GetHashCode(key);
        Node?[] buckets = _buckets;
        for (Node? node = Volatile.Read(ref buckets[IndexOf(hash, buckets.Length)]); node is not null; node = Volatile.Read(ref node.Next))
        {
            if (node.Hash == hash && _comparer.Equals(node.Key, key))
            {
                value = node.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool TryAdd(TKey key, TValue value)
    {
        ThrowIfNull(key);
        int hash = _comparer.GetHashCode(key);
        int segment = SegmentOf(hash);
        lock (_locks[segment])
        {
            ref Node? link = ref Link(hash, key);
            if (link is not null)
            {
                return false;
            }

            Insert(ref link, segment, hash, key, value);
        }

        GrowIfCrowded(segment);
        return true;
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> valueFactory)
    {
        ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(valueFactory);
        if (TryGetValue(key, out TValue? value))
        {
            return value;
        }

        int hash = _comparer.GetHashCode(key);
        int segment = SegmentOf(hash);
        lock (_locks[segment])
        {
            // Looked up again under the lock: another thread may have added the key since.
            ref Node? link = ref Link(hash, key);
            if (link is not null)
            {
                return link.Value;
            }

            value = valueFactory(key);
            Insert(ref link, segment, hash, key, value);
        }

        GrowIfCrowded(segment);
        return value;
    }

    public TValue AddOrUpdate(TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory)
    {
        ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(updateValueFactory);
        int hash = _comparer.GetHashCode(key);
        int segment = SegmentOf(hash);
        lock (_locks[segment])
        {
            ref Node? link = ref Link(hash, key);
            if (link is not null)
            {
                // A new node rather than a new value in the old one: a reader never sees a value half-written.
                TValue updated = updateValueFactory(key, link.Value);
                Volatile.Write(ref link, new Node(hash, key, updated, link.Next));
                return updated;
            }

            Insert(ref link, segment, hash, key, addValue);
        }

        GrowIfCrowded(segment);
        return addValue;
    }

    public bool TryRemove(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ThrowIfNull(key);
        int hash = _comparer.GetHashCode(key);
        int segment = SegmentOf(hash);
        lock (_locks[segment])
        {
            ref Node? link = ref Link(hash, key);
            if (link is null)
            {
                value = default;
                return false;
            }

            // The removed node keeps its Next, so a reader standing on it still reaches the rest of the chain.
            value = link.Value;
            Volatile.Write(ref link, link.Next);
            _counts[segment]--;
            return true;
        }
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() =>
        UnderAllLocks(() => _buckets.SelectMany(Chain).Select(node => KeyValuePair.Create(node.Key, node.Value)).ToList()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Both powers of two, and never fewer buckets than locks: a bucket's segment is its index mod the locks.
    private static int IndexOf(int hash, int length) => hash & (length - 1);

    private static IEnumerable<Node> Chain(Node? head)
    {
        for (Node? node = head; node is not null; node = node.Next)
        {
            yield return node;
        }
    }

    // A generic `key is null` check costs nothing for value types; ArgumentNullException.ThrowIfNull would box them.
    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }

    private int SegmentOf(int hash) => IndexOf(hash, _locks.Length);

    // The link that points at the key's node, or the empty link at the end of its chain. Called under the key's
    // segment lock, which a resize needs too, so the table cannot change while the caller uses the link.
    private ref Node? Link(int hash, TKey key)
    {
        Node?[] buckets = _buckets;
        ref Node? link = ref buckets[IndexOf(hash, buckets.Length)];
        while (link is not null && (link.Hash != hash || !_comparer.Equals(link.Key, key)))
        {
            link = ref link.Next;
        }

        return ref link;
    }

    // The new node is complete before Volatile.Write publishes it, so a reader that finds it sees its key and value.
    private void Insert(ref Node? link, int segment, int hash, TKey key, TValue value)
    {
        Volatile.Write(ref link, new Node(hash, key, value, null));
        _counts[segment]++;
    }

    // Doubles the table once a segment holds more entries than it has buckets. Called after the segment's lock is
    // released: taking every lock while holding one would deadlock with another thread doing the same.
    private void GrowIfCrowded(int segment)
    {
        Node?[] buckets = _buckets;
        if (Volatile.Read(ref _counts[segment]) > buckets.Length / _locks.Length && buckets.Length < MaxBuckets)
        {
            UnderAllLocks(() => _buckets = buckets == _buckets ? Doubled(buckets) : _buckets);
        }
    }

    private static Node?[] Doubled(Node?[] buckets)
    {
        var grown = new Node?[buckets.Length * 2];
        foreach (Node node in buckets.SelectMany(Chain))
        {
            // Copies, not the old nodes relinked: readers may still be walking the old chains.
            ref Node? bucket = ref grown[IndexOf(node.Hash, grown.Length)];
            bucket = new Node(node.Hash, node.Key, node.Value, bucket);
        }

        return grown;
    }

    // Takes the locks always in the same order, so two threads taking them all cannot deadlock.
    private T UnderAllLocks<T>(Func<T> action)
    {
        foreach (object gate in _locks)
        {
            Monitor.Enter(gate);
        }

        try
        {
            return action();
        }
        finally
        {
            foreach (object gate in _locks)
            {
                Monitor.Exit(gate);
            }
        }
    }

    private sealed class Node(int hash, TKey key, TValue value, Node? next)
    {
        public readonly int Hash = hash;
        public readonly TKey Key = key;
        public readonly TValue Value = value;

        // Written under the segment's lock with Volatile.Write, read by lock-free readers with Volatile.Read.
        public Node? Next = next;
    }
}
