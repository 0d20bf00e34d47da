using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// The reference LRU cache: one array of entry slots that is both the hash table and the recency list. The
/// contract, member by member, is the stub's XML docs (src/Katas.Exercises/LruCache/LruCache.cs); what is said
/// here is how this implementation meets it.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
/// <remarks>
/// <para>
/// <see cref="TryGet"/>, <see cref="AddOrUpdate"/> and <see cref="Remove"/> run in O(1) time. Once the cache
/// has grown to its capacity it allocates nothing more: an insert reuses the slot of the entry it evicts.
/// </para>
/// <para>
/// The hash table and the recency list are one structure: every entry lives in one array slot that holds
/// its key, its value, its cached hash code, the next slot of its hash chain and its two recency
/// neighbours. An eviction therefore unlinks the oldest slot from its chain without hashing its key
/// again, and a miss costs one hash lookup instead of the three a dictionary plus a linked list pay
/// (look up, remove the evicted key, add the new one).
/// </para>
/// <para>This type is not thread-safe; guard it with a lock to share it between threads.</para>
/// </remarks>
public sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private const int InitialSlots = 16;
    private const int None = -1;

    // The comparer; null when TKey is a value type compared by default, so the JIT can devirtualize
    // EqualityComparer<TKey>.Default and inline the key's own Equals and GetHashCode.
    private readonly IEqualityComparer<TKey>? _comparer;

    // Called with each entry an insert pushes out.
    private readonly Action<TKey, TValue>? _onEvicted;

    // Entry slots; grows by doubling up to Capacity, then never again.
    private Entry[] _entries;

    // The first slot of each hash chain, or None. Its length is a power of two at least _entries.Length.
    private int[] _buckets;

    // 32 minus log2(_buckets.Length): Fibonacci hashing keeps the top bits of hash * 2^32/phi.
    private int _bucketShift;

    // The number of slots ever handed out; slots at and past it have never held an entry.
    private int _slotsUsed;

    // A chain (through Entry.NextInChain) of slots freed by Remove, or None.
    private int _freeList = None;

    // The most and the least recently used slots, or None when the cache is empty.
    private int _newest = None;
    private int _oldest = None;

    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);

        Capacity = capacity;
        _onEvicted = onEvicted;
        if (!typeof(TKey).IsValueType || (comparer is not null && comparer != EqualityComparer<TKey>.Default))
        {
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
        }

        _entries = new Entry[Math.Min(capacity, InitialSlots)];
        _buckets = CreateBuckets(_entries.Length, out _bucketShift);
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (key is null)
        {
            ThrowArgumentNull(nameof(key));
        }

        int slot = FindSlot(key, Hash(key));
        if (slot == None)
        {
            value = default;
            return false;
        }

        MakeNewest(slot);
        value = _entries[slot].Value;
        return true;
    }

    public void AddOrUpdate(TKey key, TValue value)
    {
        if (key is null)
        {
            ThrowArgumentNull(nameof(key));
        }

        int hashCode = Hash(key);
        int slot = FindSlot(key, hashCode);
        if (slot != None)
        {
            _entries[slot].Value = value;
            MakeNewest(slot);
            return;
        }

        if (Count == Capacity)
        {
            // Reuse the oldest slot in place: no allocation, and its neighbours are already known.
            slot = _oldest;
            ref Entry oldest = ref _entries[slot];
            TKey evictedKey = oldest.Key;
            TValue evictedValue = oldest.Value;
            UnlinkFromChain(slot);
            oldest.Key = key;
            oldest.Value = value;
            oldest.HashCode = hashCode;
            LinkIntoChain(slot);
            MakeNewest(slot);
            AssertInvariants();
            _onEvicted?.Invoke(evictedKey, evictedValue);
            return;
        }

        slot = TakeFreeSlot();
        ref Entry entry = ref _entries[slot];
        entry.Key = key;
        entry.Value = value;
        entry.HashCode = hashCode;
        LinkIntoChain(slot);
        LinkAsNewest(slot);
        Count++;
        AssertInvariants();
    }

    public bool Remove(TKey key)
    {
        if (key is null)
        {
            ThrowArgumentNull(nameof(key));
        }

        int slot = FindSlot(key, Hash(key));
        if (slot == None)
        {
            return false;
        }

        UnlinkFromChain(slot);
        Unlink(slot);
        _entries[slot] = default;
        _entries[slot].NextInChain = _freeList;
        _freeList = slot;
        Count--;
        AssertInvariants();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Hash(TKey key) => _comparer is null ? key.GetHashCode() : _comparer.GetHashCode(key);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(int hashCode) => (int)(((uint)hashCode * 2654435769u) >> _bucketShift);

    private int FindSlot(TKey key, int hashCode)
    {
        Entry[] entries = _entries;
        int slot = _buckets[BucketOf(hashCode)];
        if (_comparer is null)
        {
            while (slot != None)
            {
                ref Entry entry = ref entries[slot];
                if (entry.HashCode == hashCode && EqualityComparer<TKey>.Default.Equals(entry.Key, key))
                {
                    return slot;
                }

                slot = entry.NextInChain;
            }
        }
        else
        {
            while (slot != None)
            {
                ref Entry entry = ref entries[slot];
                if (entry.HashCode == hashCode && _comparer.Equals(entry.Key, key))
                {
                    return slot;
                }

                slot = entry.NextInChain;
            }
        }

        return None;
    }

    private void LinkIntoChain(int slot)
    {
        ref int head = ref _buckets[BucketOf(_entries[slot].HashCode)];
        _entries[slot].NextInChain = head;
        head = slot;
    }

    private void UnlinkFromChain(int slot)
    {
        // Chains hold about one slot at this load factor, so the walk to the predecessor is short.
        ref int link = ref _buckets[BucketOf(_entries[slot].HashCode)];
        while (link != slot)
        {
            Debug.Assert(link != None, "A linked slot must be on the chain of its own bucket.");
            link = ref _entries[link].NextInChain;
        }

        link = _entries[slot].NextInChain;
    }

    private void MakeNewest(int slot)
    {
        if (slot != _newest)
        {
            Unlink(slot);
            LinkAsNewest(slot);
        }
    }

    private void LinkAsNewest(int slot)
    {
        ref Entry entry = ref _entries[slot];
        entry.Older = _newest;
        entry.Newer = None;
        if (_newest == None)
        {
            _oldest = slot;
        }
        else
        {
            _entries[_newest].Newer = slot;
        }

        _newest = slot;
    }

    private void Unlink(int slot)
    {
        ref Entry entry = ref _entries[slot];
        if (entry.Older == None)
        {
            _oldest = entry.Newer;
        }
        else
        {
            _entries[entry.Older].Newer = entry.Newer;
        }

        if (entry.Newer == None)
        {
            _newest = entry.Older;
        }
        else
        {
            _entries[entry.Newer].Older = entry.Older;
        }
    }

    private int TakeFreeSlot()
    {
        if (_freeList != None)
        {
            int slot = _freeList;
            _freeList = _entries[slot].NextInChain;
            return slot;
        }

        if (_slotsUsed == _entries.Length)
        {
            Grow();
        }

        return _slotsUsed++;
    }

    private void Grow()
    {
        // Only reached while Count < Capacity with no free slot, so every slot is in use.
        int newLength = (int)Math.Min((long)_entries.Length * 2, Capacity);
        Array.Resize(ref _entries, newLength);
        _buckets = CreateBuckets(newLength, out _bucketShift);
        for (int slot = 0; slot < _slotsUsed; slot++)
        {
            LinkIntoChain(slot);
        }
    }

    private static int[] CreateBuckets(int slots, out int shift)
    {
        int bits = Math.Max(1, 32 - int.LeadingZeroCount(Math.Max(slots - 1, 1)));
        shift = 32 - bits;
        var buckets = new int[1 << bits];
        buckets.AsSpan().Fill(None);
        return buckets;
    }

    [DoesNotReturn]
    private static void ThrowArgumentNull(string paramName) => throw new ArgumentNullException(paramName);

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(Count >= 0 && Count <= Capacity, "Count stays within [0, Capacity].");
        Debug.Assert((Count == 0) == (_newest == None) && (Count == 0) == (_oldest == None), "An empty cache has no newest and no oldest slot.");
        Debug.Assert(_newest == None || _entries[_newest].Newer == None, "Nothing is newer than the newest slot.");
        Debug.Assert(_oldest == None || _entries[_oldest].Older == None, "Nothing is older than the oldest slot.");
    }

    private struct Entry
    {
        public TKey Key;
        public TValue Value;

        // The key's hash code, kept so that eviction and growth never hash a key again.
        public int HashCode;

        // The next slot in the same hash chain (or in the free list), or None.
        public int NextInChain;

        // The neighbours in recency order, or None at either end.
        public int Older;
        public int Newer;
    }
}
