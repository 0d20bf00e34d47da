using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// The reference LFU cache: frequency groups in O(1), with the hash table and every list built into arrays of
/// structs linked by index. The contract, member by member, is the stub's XML docs
/// (src/Katas.Exercises/LfuCache/LfuCache.cs); what is said here is how this implementation meets it.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
/// <remarks>
/// <para>
/// <see cref="TryGet"/>, <see cref="AddOrUpdate"/> and <see cref="Remove"/> run in O(1) time. Once the cache
/// has grown to its capacity it allocates nothing more: an insert reuses the slot of the entry it evicts.
/// </para>
/// <para>
/// The entries that have been used the same number of times form a group, a list ordered from least to
/// most recently used; the groups form a list ordered by that number, lowest first (Shah, Mitra and
/// Matani, "An O(1) algorithm for implementing the LFU cache eviction scheme", 2010). A use moves an entry
/// from its group to the next one up, which is either the group right after its own or a new one put
/// there, so no step ever searches. The victim is the oldest entry of the first group. A heap ordered by
/// (uses, last use) gives the same answers in O(log n).
/// </para>
/// <para>
/// As in the LRU kata's reference, the hash table is built into the entries: every entry lives in one array
/// slot holding its key, value, hash code, next slot in its hash chain and group. Both kinds of list are
/// circular with a sentinel (each group heads its entry list; group 0 heads the group list), so linking
/// and unlinking never test for an end: in a cache whose groups hold one or two entries each, those tests
/// are coin flips the processor mispredicts.
/// </para>
/// <para>This type is not thread-safe; guard it with a lock to share it between threads.</para>
/// </remarks>
public sealed class LfuCache<TKey, TValue>
    where TKey : notnull
{
    private const int InitialSlots = 16;
    private const int None = -1;

    // The group that heads the circular list of groups; its Uses of -1 never matches a real count.
    private const int GroupListHead = 0;

    // The comparer; null when TKey is a value type compared by default, so the JIT can devirtualize
    // EqualityComparer<TKey>.Default and inline the key's own Equals and GetHashCode.
    private readonly IEqualityComparer<TKey>? _comparer;

    // Called with each entry an insert pushes out.
    private readonly Action<TKey, TValue>? _onEvicted;

    // Entry slots; grows by doubling up to Capacity, then never again.
    private Entry[] _entries;

    // Groups: slot 0 heads the group list, and there are never more groups in use than entries.
    private Group[] _groups;

    // The nodes of the entry lists: entry s at 2s, and the sentinel of group g at 2g + 1, so that one
    // array holds both kinds and growing it never renumbers a node.
    private Link[] _links;

    // The first slot of each hash chain, or None. Its length is a power of two at least _entries.Length.
    private int[] _buckets;

    // 32 minus log2(_buckets.Length): Fibonacci hashing keeps the top bits of hash * 2^32/phi.
    private int _bucketShift;

    // The number of entry slots, and of group slots, ever handed out; those at and past it are untouched.
    private int _slotsUsed;
    private int _groupsUsed = GroupListHead + 1;

    // Chains of free entry slots (through Entry.NextInChain) and free group slots (through Group.Higher).
    private int _freeSlots = None;
    private int _freeGroups = None;

    public LfuCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);

        Capacity = capacity;
        _onEvicted = onEvicted;
        if (!typeof(TKey).IsValueType || (comparer is not null && comparer != EqualityComparer<TKey>.Default))
        {
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
        }

        int slots = Math.Min(capacity, InitialSlots);
        _entries = new Entry[slots];
        _groups = new Group[slots + 1];
        _links = new Link[2 * (slots + 1)];
        _groups[GroupListHead] = new Group { Uses = -1, Lower = GroupListHead, Higher = GroupListHead };
        _buckets = CreateBuckets(slots, out _bucketShift);
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

        CountUse(slot);
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
            CountUse(slot);
            return;
        }

        if (Count == Capacity)
        {
            ReplaceVictim(key, value, hashCode);
            return;
        }

        slot = TakeFreeSlot();
        ref Entry entry = ref _entries[slot];
        entry.Key = key;
        entry.Value = value;
        entry.HashCode = hashCode;
        LinkIntoChain(slot);
        int lowest = _groups[GroupListHead].Higher;
        if (_groups[lowest].Uses != 1)
        {
            lowest = InsertGroupAfter(GroupListHead, uses: 1);
        }

        Append(slot, lowest);
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
        int group = _entries[slot].Group;
        Unlink(EntryNode(slot));
        if (IsEmpty(group))
        {
            RemoveGroup(group);
        }

        _entries[slot] = default;
        _entries[slot].NextInChain = _freeSlots;
        _freeSlots = slot;
        Count--;
        AssertInvariants();
        return true;
    }

    private void CountUse(int slot)
    {
        Group[] groups = _groups;
        int group = _entries[slot].Group;
        ref Group current = ref groups[group];
        long uses = current.Uses + 1;
        int higher = current.Higher;
        bool alone = IsAlone(group);
        if (groups[higher].Uses == uses)
        {
            Unlink(EntryNode(slot));
            if (alone)
            {
                RemoveGroup(group);
            }

            Append(slot, higher);
        }
        else if (alone)
        {
            // No group holds uses + 1, and this entry is all of its group: the group itself moves up.
            current.Uses = uses;
        }
        else
        {
            Unlink(EntryNode(slot));
            Append(slot, InsertGroupAfter(group, uses));
        }

        AssertInvariants();
    }

    private void ReplaceVictim(TKey key, TValue value, int hashCode)
    {
        // The victim's slot takes the newcomer in place: no allocation, and no search for a free slot.
        int lowest = _groups[GroupListHead].Higher;
        int slot = _links[GroupNode(lowest)].Newer >> 1;
        bool alone = IsAlone(lowest);
        ref Entry entry = ref _entries[slot];
        TKey evictedKey = entry.Key;
        TValue evictedValue = entry.Value;
        UnlinkFromChain(slot);
        entry.Key = key;
        entry.Value = value;
        entry.HashCode = hashCode;
        LinkIntoChain(slot);

        if (_groups[lowest].Uses == 1)
        {
            // The newcomer stays in the one-use group, as its most recent entry.
            Unlink(EntryNode(slot));
            Append(slot, lowest);
        }
        else if (alone)
        {
            // The victim was all of the lowest group, which becomes the newcomer's one-use group.
            _groups[lowest].Uses = 1;
        }
        else
        {
            Unlink(EntryNode(slot));
            Append(slot, InsertGroupAfter(GroupListHead, uses: 1));
        }

        AssertInvariants();
        _onEvicted?.Invoke(evictedKey, evictedValue);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EntryNode(int slot) => 2 * slot;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int GroupNode(int group) => (2 * group) + 1;

    private bool IsEmpty(int group)
    {
        int sentinel = GroupNode(group);
        return _links[sentinel].Newer == sentinel;
    }

    /// <summary>Whether a group that holds at least one entry holds exactly one.</summary>
    private bool IsAlone(int group)
    {
        ref Link sentinel = ref _links[GroupNode(group)];
        return sentinel.Newer == sentinel.Older;
    }

    /// <summary>Links an entry in as the most recently used of a group, just before the group's sentinel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(int slot, int group)
    {
        Link[] links = _links;
        int node = EntryNode(slot);
        int sentinelNode = GroupNode(group);
        ref Link sentinel = ref links[sentinelNode];
        int newest = sentinel.Older;
        links[node] = new Link { Older = newest, Newer = sentinelNode };
        links[newest].Newer = node;
        sentinel.Older = node;
        _entries[slot].Group = group;
    }

    /// <summary>Unlinks a node from its circular list; the neighbours always exist, if only the sentinel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unlink(int node)
    {
        Link[] links = _links;
        ref Link link = ref links[node];
        links[link.Older].Newer = link.Newer;
        links[link.Newer].Older = link.Older;
    }

    private int InsertGroupAfter(int lower, long uses)
    {
        int group;
        if (_freeGroups != None)
        {
            group = _freeGroups;
            _freeGroups = _groups[group].Higher;
        }
        else
        {
            // Never grows the array: a new group is made only for an entry that leaves (or joins the cache
            // beside) a group of two or more, so groups in use stay at most Count, within _groups.Length - 1.
            group = _groupsUsed++;
        }

        Group[] groups = _groups;
        int higher = groups[lower].Higher;
        groups[group] = new Group { Uses = uses, Lower = lower, Higher = higher };
        groups[lower].Higher = group;
        groups[higher].Lower = group;
        int sentinel = GroupNode(group);
        _links[sentinel] = new Link { Older = sentinel, Newer = sentinel };
        return group;
    }

    private void RemoveGroup(int group)
    {
        Group[] groups = _groups;
        ref Group removed = ref groups[group];
        groups[removed.Lower].Higher = removed.Higher;
        groups[removed.Higher].Lower = removed.Lower;
        removed.Higher = _freeGroups;
        _freeGroups = group;
    }

    private int TakeFreeSlot()
    {
        if (_freeSlots != None)
        {
            int slot = _freeSlots;
            _freeSlots = _entries[slot].NextInChain;
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
        Array.Resize(ref _groups, newLength + 1);
        Array.Resize(ref _links, 2 * (newLength + 1));
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
        ref Group head = ref _groups[GroupListHead];
        Debug.Assert(Count >= 0 && Count <= Capacity, "Count stays within [0, Capacity].");
        Debug.Assert((Count == 0) == (head.Higher == GroupListHead), "Only an empty cache has no groups.");
        Debug.Assert(head.Uses == -1, "The head of the group list never matches a real use count.");
        if (head.Higher != GroupListHead)
        {
            int lowest = head.Higher;
            int second = _groups[lowest].Higher;
            Debug.Assert(_groups[lowest].Lower == GroupListHead, "The lowest group comes right after the head.");
            Debug.Assert(_groups[lowest].Uses >= 1, "Every entry has been used at least once.");
            Debug.Assert(second == GroupListHead || _groups[second].Uses > _groups[lowest].Uses, "Groups are ordered by strictly rising uses.");
            Debug.Assert(!IsEmpty(lowest), "A group in use is never empty.");
            Debug.Assert(_entries[_links[GroupNode(lowest)].Newer >> 1].Group == lowest, "A group's entries point back to it.");
        }
    }

    private struct Entry
    {
        public TKey Key;
        public TValue Value;

        // The key's hash code, kept so that eviction and growth never hash a key again.
        public int HashCode;

        // The next slot in the same hash chain (or in the free list), or None.
        public int NextInChain;

        // The group of entries used as often as this one.
        public int Group;
    }

    private struct Link
    {
        // The neighbouring nodes of the circular list: towards the least and the most recently used. From a
        // sentinel, Newer is the group's oldest entry and Older its newest; both are the sentinel when empty.
        public int Older;
        public int Newer;
    }

    private struct Group
    {
        // How many times each entry of the group has been used: added, read or updated.
        public long Uses;

        // The neighbouring groups in the circular group list, with fewer and with more uses.
        public int Lower;
        public int Higher;
    }
}
