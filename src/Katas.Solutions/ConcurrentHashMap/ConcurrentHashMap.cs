using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Katas;

/// <summary>
/// The reference of the concurrent hash map kata: chains of nodes whose keys never change, read with acquire
/// loads and no lock; a power-of-two number of padded segments, each a lock and its count, for the writers; a
/// resize that takes every lock and reuses each chain's tail that stays together. The contract is the stub's XML
/// docs (src/Katas.Exercises/ConcurrentHashMap/ConcurrentHashMap.cs); src/Katas.Answers/ConcurrentHashMap/README.md
/// says why this design and what it costs.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
public sealed class ConcurrentHashMap<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private const int MaxSegments = 1 << 10;
    private const int MaxBuckets = 1 << 30;
    private const int DefaultCapacity = 32;

    // Fibonacci hashing: 2^32 / the golden ratio. A key's bucket and its segment are the top bits of its hash
    // times this, which spreads hash codes that differ only in their high bits, or step by a power of two.
    private const uint Golden = 0x9E3779B9;

    // Whether a TValue is written by one store, so that an update can overwrite it in place and a reader still
    // never sees half of one value and half of another. A larger struct gets a new node instead.
    private static readonly bool ValueWriteIsAtomic = IsWriteAtomic();

    // The segments, a power of two; never more than the buckets, so each bucket belongs to one segment.
    private readonly Segment[] _segments;

    // 32 minus log2 of the segments: a key's segment is the top bits of its mixed hash.
    private readonly int _segmentShift;

    // Null for a value-type key compared by default: then the JIT devirtualizes and inlines Equals and GetHashCode.
    private readonly IEqualityComparer<TKey>? _comparer;

    // The current table; a resize publishes a new one. Readers take whichever they find.
    private volatile Table _table;

    // The most entries a segment holds before the table doubles; written under every lock.
    private int _budget;

    public ConcurrentHashMap(IEqualityComparer<TKey>? comparer = null)
        : this(4 * Environment.ProcessorCount, DefaultCapacity, comparer)
    {
    }

    public ConcurrentHashMap(int concurrencyLevel, int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrencyLevel);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _segments = new Segment[BitOperations.RoundUpToPowerOf2((uint)Math.Min(concurrencyLevel, MaxSegments))];
        for (int i = 0; i < _segments.Length; i++)
        {
            _segments[i] = new Segment();
        }

        _segmentShift = 32 - BitOperations.Log2((uint)_segments.Length);
        _comparer = typeof(TKey).IsValueType && (comparer is null || ReferenceEquals(comparer, EqualityComparer<TKey>.Default))
            ? null
            : comparer ?? EqualityComparer<TKey>.Default;
        int buckets = Math.Max(_segments.Length, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(capacity, MaxBuckets)));
        _table = new Table(buckets);
        _budget = Math.Max(1, buckets / _segments.Length);
    }

    public int Count
    {
        get
        {
            AcquireAll();
            try
            {
                return CountUnderAllLocks();
            }
            finally
            {
                ReleaseAll();
            }
        }
    }

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (key is null)
        {
            ThrowKeyNull();
        }

        if (Find(_table, Hash(key), key) is { } node)
        {
            value = node.Value;
            return true;
        }

        value = default;
        return false;
    }

    public bool TryAdd(TKey key, TValue value)
    {
        if (key is null)
        {
            ThrowKeyNull();
        }

        int hash = Hash(key);
        Segment segment = SegmentOf(hash);
        Table table;
        bool crowded;
        lock (segment)
        {
            // A resize holds every segment's lock, so the table read under one cannot change until it is released.
            table = _table;
            ref Node? head = ref table.Bucket(hash);
            if (Find(Volatile.Read(ref head), hash, key) is not null)
            {
                return false;
            }

            Volatile.Write(ref head, new Node(hash, key, value, head));
            crowded = ++segment.Count.Value > _budget;
        }

        if (crowded)
        {
            Grow(table);
        }

        return true;
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> valueFactory)
    {
        if (key is null)
        {
            ThrowKeyNull();
        }

        ArgumentNullException.ThrowIfNull(valueFactory);
        int hash = Hash(key);
        if (Find(_table, hash, key) is { } found)
        {
            return found.Value;
        }

        Segment segment = SegmentOf(hash);
        Table table;
        TValue value;
        bool crowded;
        lock (segment)
        {
            table = _table;
            ref Node? head = ref table.Bucket(hash);
            if (Find(Volatile.Read(ref head), hash, key) is { } added)
            {
                return added.Value;
            }

            // Called under the lock, so that it runs at most once per key; what it throws leaves the chain untouched.
            value = valueFactory(key);
            Volatile.Write(ref head, new Node(hash, key, value, head));
            crowded = ++segment.Count.Value > _budget;
        }

        if (crowded)
        {
            Grow(table);
        }

        return value;
    }

    public TValue AddOrUpdate(TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory)
    {
        if (key is null)
        {
            ThrowKeyNull();
        }

        ArgumentNullException.ThrowIfNull(updateValueFactory);
        int hash = Hash(key);
        Segment segment = SegmentOf(hash);
        Table table;
        bool crowded;
        lock (segment)
        {
            table = _table;
            ref Node? head = ref table.Bucket(hash);
            Node? previous = null;
            for (Node? node = head; node is not null; previous = node, node = node.Next)
            {
                if (node.Hash != hash || !Equal(node.Key, key))
                {
                    continue;
                }

                TValue updated = updateValueFactory(key, node.Value);
                if (ValueWriteIsAtomic)
                {
                    Publish(ref node.Value, updated);
                }
                else
                {
                    // The old node keeps its Next, so a reader standing on it goes on along the chain.
                    var replacement = new Node(hash, key, updated, node.Next);
                    if (previous is null)
                    {
                        Volatile.Write(ref head, replacement);
                    }
                    else
                    {
                        previous.Next = replacement;
                    }
                }

                return updated;
            }

            Volatile.Write(ref head, new Node(hash, key, addValue, head));
            crowded = ++segment.Count.Value > _budget;
        }

        if (crowded)
        {
            Grow(table);
        }

        return addValue;
    }

    public bool TryRemove(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (key is null)
        {
            ThrowKeyNull();
        }

        int hash = Hash(key);
        Segment segment = SegmentOf(hash);
        lock (segment)
        {
            ref Node? head = ref _table.Bucket(hash);
            Node? previous = null;
            for (Node? node = head; node is not null; previous = node, node = node.Next)
            {
                if (node.Hash != hash || !Equal(node.Key, key))
                {
                    continue;
                }

                // The removed node keeps its Next, so a reader standing on it still reaches the rest of the chain.
                if (previous is null)
                {
                    Volatile.Write(ref head, node.Next);
                }
                else
                {
                    previous.Next = node.Next;
                }

                segment.Count.Value--;
                value = node.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        KeyValuePair<TKey, TValue>[] entries;
        AcquireAll();
        try
        {
            entries = new KeyValuePair<TKey, TValue>[CountUnderAllLocks()];
            int next = 0;
            foreach (Node? head in _table.Buckets)
            {
                for (Node? node = head; node is not null; node = node.Next)
                {
                    entries[next++] = new(node.Key, node.Value);
                }
            }
        }
        finally
        {
            ReleaseAll();
        }

        return ((IEnumerable<KeyValuePair<TKey, TValue>>)entries).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool IsWriteAtomic()
    {
        if (!typeof(TValue).IsValueType)
        {
            return true;
        }

        // Only primitives of at most a pointer's size are written by one store; a struct of the same size may be
        // copied field by field.
        Type type = typeof(TValue).IsEnum ? Enum.GetUnderlyingType(typeof(TValue)) : typeof(TValue);
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean or TypeCode.Char or TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16
                or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => true,
            TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double => IntPtr.Size == 8,
            _ => type == typeof(nint) || type == typeof(nuint),
        };
    }

    // A new value in an existing node: a release store for a reference, so that a reader that sees the reference
    // sees the object's fields too; a plain store for a primitive, which one instruction writes whole.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Publish(ref TValue location, TValue value)
    {
        if (typeof(TValue).IsValueType)
        {
            location = value;
        }
        else
        {
            Volatile.Write(ref Unsafe.As<TValue, object?>(ref location), value);
        }
    }

    [DoesNotReturn]
    private static void ThrowKeyNull() => throw new ArgumentNullException("key");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Hash(TKey key) => typeof(TKey).IsValueType && _comparer is null ? key.GetHashCode() : _comparer!.GetHashCode(key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Equal(TKey stored, TKey key) =>
        typeof(TKey).IsValueType && _comparer is null ? EqualityComparer<TKey>.Default.Equals(stored, key) : _comparer!.Equals(stored, key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Segment SegmentOf(int hash) => _segments[(int)((ulong)((uint)hash * Golden) >> _segmentShift)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Node? Find(Table table, int hash, TKey key) => Find(Volatile.Read(ref table.Bucket(hash)), hash, key);

    // Walks a chain with acquire loads (Next is volatile): a node reached is seen whole, as it was published.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Node? Find(Node? node, int hash, TKey key)
    {
        while (node is not null && (node.Hash != hash || !Equal(node.Key, key)))
        {
            node = node.Next;
        }

        return node;
    }

    private int CountUnderAllLocks()
    {
        int count = 0;
        foreach (Segment segment in _segments)
        {
            count += segment.Count.Value;
        }

        return count;
    }

    // Called with no lock held, by a writer whose segment went over budget: taking every lock while holding one
    // would deadlock with another thread doing the same.
    private void Grow(Table crowded)
    {
        AcquireAll();
        try
        {
            if (crowded != _table)
            {
                return;
            }

            Node?[] old = crowded.Buckets;
            if (old.Length == MaxBuckets)
            {
                _budget = int.MaxValue;
                return;
            }

            // One crowded segment in a sparse table means skewed hash codes, which doubling would not spread:
            // let the segments hold more instead, as ConcurrentDictionary does.
            if (CountUnderAllLocks() < old.Length / 4)
            {
                _budget = _budget > int.MaxValue / 2 ? int.MaxValue : 2 * _budget;
                return;
            }

            var table = new Table(old.Length * 2);
            for (int i = 0; i < old.Length; i++)
            {
                Split(old[i], table);
            }

            _budget = Math.Max(1, table.Buckets.Length / _segments.Length);
            _table = table;
        }
        finally
        {
            ReleaseAll();
        }
    }

    // Bucket i of the old table splits into buckets 2i and 2i + 1 of the new one. The longest tail of the chain
    // that goes to one of them is linked in as it is; only the nodes ahead of it are copied, since readers may
    // still be walking the old chain and its links must not change.
    private static void Split(Node? chain, Table table)
    {
        if (chain is null)
        {
            return;
        }

        Node tail = chain;
        int tailBucket = table.IndexOf(chain.Hash);
        for (Node? node = chain.Next; node is not null; node = node.Next)
        {
            int bucket = table.IndexOf(node.Hash);
            if (bucket != tailBucket)
            {
                tail = node;
                tailBucket = bucket;
            }
        }

        table.Buckets[tailBucket] = tail;
        for (Node node = chain; node != tail; node = node.Next!)
        {
            ref Node? head = ref table.Bucket(node.Hash);
            head = new Node(node.Hash, node.Key, node.Value, head);
        }
    }

    // Always in the same order, so that two threads taking them all cannot deadlock.
    private void AcquireAll()
    {
        foreach (Segment segment in _segments)
        {
            Monitor.Enter(segment);
        }
    }

    private void ReleaseAll()
    {
        foreach (Segment segment in _segments)
        {
            Monitor.Exit(segment);
        }
    }

    private sealed class Table(int length)
    {
        public readonly Node?[] Buckets = new Node?[length];

        // 32 minus log2 of the buckets: a key's bucket is the top bits of its mixed hash, as its segment is.
        private readonly int _shift = 32 - BitOperations.Log2((uint)length);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int IndexOf(int hash) => (int)((ulong)((uint)hash * Golden) >> _shift);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref Node? Bucket(int hash) => ref Buckets[IndexOf(hash)];
    }

    private sealed class Node(int hash, TKey key, TValue value, Node? next)
    {
        public readonly int Hash = hash;
        public readonly TKey Key = key;

        // Overwritten in place only when ValueWriteIsAtomic; otherwise an update replaces the node.
        public TValue Value = value;

        // Written under the segment's lock; volatile, so a reader's load of it is an acquire.
        public volatile Node? Next = next;
    }

    // A segment's lock (the object's own monitor) and its count, padded so that two segments never share a cache
    // line: writers in different segments then touch different lines for the lock and the count alike.
    private sealed class Segment
    {
        // The entries in the segment, read and written under its lock; beside the lock word, on its line.
        public ConcurrentHashMapPaddedCount Count;
    }
}

/// <summary>
/// A segment's count of a <see cref="ConcurrentHashMap{TKey, TValue}"/> and the bytes after it, which keep the next
/// segment's lock word and count off this one's cache line. Outside the generic map, since a generic type cannot
/// have an explicit layout.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 120)]
internal struct ConcurrentHashMapPaddedCount
{
    /// <summary>The entries in the segment.</summary>
    [FieldOffset(0)]
    public int Value;
}
