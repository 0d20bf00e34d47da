using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// The reference randomized collection: a dense array of occurrences, which <see cref="GetRandom"/> draws from, and
/// a hash table of the distinct items, each heading a list of its occurrences linked through that array. The
/// contract, member by member, is the stub's XML docs (src/Katas.Exercises/RandomizedSet/RandomizedCollection.cs);
/// what is said here is how this implementation meets it.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Add"/>, <see cref="Remove"/> and <see cref="Contains"/> hash the item once and walk one chain of
/// distinct items, about one long, however many copies of the item there are; <see cref="Add"/> is amortized O(1)
/// over the doubling of the storage; <see cref="GetRandom"/> is one draw and one array read. Once the collection
/// has held as many occurrences and distinct items as it will, nothing more is allocated.
/// </para>
/// <para>
/// LeetCode 381's answer gives every item a hash set of its positions: a heap object per distinct item, and a
/// removal that hashes the removed item, then the moved one, then two positions in the moved one's set. Here every
/// occurrence is a slot of one array holding the item as added, its group (the distinct item's slot) and its two
/// neighbours among the occurrences of that group. A removal takes the first occurrence off its group's list and
/// moves the last occurrence into the hole, re-pointing its two neighbours (or its group's head) by index: nothing
/// of the moved occurrence is hashed or compared. A group whose last occurrence leaves goes on a free list, so
/// groups never move and occurrences never need re-pointing at a new group.
/// </para>
/// <para>This type is not thread-safe; guard it with a lock to share it between threads.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "LeetCode 381 names it so; the kata is named for the data structure.")]
public sealed class RandomizedCollection<T>
    where T : notnull
{
    private const int None = -1;

    // The length of the occurrences and of the groups when the first item arrives.
    private const int InitialLength = 4;

    // The buckets of a collection that has never held an item: two empty chains. Only ever read: the first add
    // grows the groups, which gives the collection buckets of its own.
    private static readonly int[] NoBuckets = [None, None];

    // Makes the draws.
    private readonly Random _random;

    // The comparer; null when T is a value type compared by default, so the JIT can devirtualize
    // EqualityComparer<T>.Default and inline the item's own Equals and GetHashCode.
    private readonly IEqualityComparer<T>? _comparer;

    // Every occurrence at 0 to _count - 1: the item as added, its group and its neighbours in the group's list.
    private Occurrence[] _occurrences = [];

    // The distinct items, each with its hash chain and the head of its occurrences; free slots are chained through
    // NextInChain from _freeGroup and have no first occurrence.
    private Group[] _groups = [];

    // The first group of each hash chain, or None. Its length is a power of two, at least _groups.Length.
    private int[] _buckets = NoBuckets;

    // 32 minus log2(_buckets.Length): Fibonacci hashing keeps the top bits of hash * 2^32 / phi.
    private int _bucketShift = 31;

    // The number of group slots ever handed out; slots at and past it have never held a group.
    private int _groupsUsed;

    // The first free group slot, or None.
    private int _freeGroup = None;

    // The number of occurrences.
    private int _count;

    public RandomizedCollection(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        _random = random ?? new Random();
        if (!typeof(T).IsValueType || (comparer is not null && comparer != EqualityComparer<T>.Default))
        {
            _comparer = comparer ?? EqualityComparer<T>.Default;
        }
    }

    public int Count => _count;

    public bool Add(T item)
    {
        if (item is null)
        {
            ThrowArgumentNull(nameof(item));
        }

        if (_count == _occurrences.Length)
        {
            // Grown before anything changes, so that a collection that cannot grow is left as it was.
            _occurrences = Grown(_occurrences);
        }

        int hashCode = Hash(item);
        int group = Find(item, hashCode, out _);
        bool isNew = group == None;
        if (isNew)
        {
            group = NewGroup(item, hashCode);
        }

        int index = _count;
        ref Group owner = ref _groups[group];
        ref Occurrence occurrence = ref _occurrences[index];
        occurrence.Item = item;
        occurrence.Group = group;
        occurrence.Previous = None;
        occurrence.Next = owner.First;
        if (owner.First != None)
        {
            _occurrences[owner.First].Previous = index;
        }

        owner.First = index;
        _count = index + 1;
        AssertInvariants();
        return isNew;
    }

    public bool Remove(T item)
    {
        if (item is null)
        {
            ThrowArgumentNull(nameof(item));
        }

        int group = Find(item, Hash(item), out int previousInChain);
        if (group == None)
        {
            return false;
        }

        // Take the group's first occurrence off its list; the group leaves with its last occurrence.
        ref Group owner = ref _groups[group];
        int hole = owner.First;
        owner.First = _occurrences[hole].Next;
        if (owner.First != None)
        {
            _occurrences[owner.First].Previous = None;
        }
        else
        {
            FreeGroup(group, previousInChain);
        }

        FillHole(hole);
        AssertInvariants();
        return true;
    }

    public bool Contains(T item)
    {
        if (item is null)
        {
            ThrowArgumentNull(nameof(item));
        }

        return Find(item, Hash(item), out _) != None;
    }

    public T GetRandom()
    {
        int count = _count;
        if (count == 0)
        {
            ThrowEmpty();
        }

        return _occurrences[_random.Next(count)].Item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Hash(T item) => _comparer is null ? item.GetHashCode() : _comparer.GetHashCode(item);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(int hashCode) => (int)(((uint)hashCode * 2654435769u) >> _bucketShift);

    // Finds an item's group, and the group before it in its hash chain (None when it heads the chain).
    private int Find(T item, int hashCode, out int previous)
    {
        Group[] groups = _groups;
        int group = _buckets[BucketOf(hashCode)];
        previous = None;

        // The unsigned test ends the chain at None and lets the JIT drop the bounds check.
        if (_comparer is null)
        {
            while ((uint)group < (uint)groups.Length)
            {
                ref Group candidate = ref groups[group];
                if (candidate.HashCode == hashCode && EqualityComparer<T>.Default.Equals(candidate.Item, item))
                {
                    return group;
                }

                previous = group;
                group = candidate.NextInChain;
            }
        }
        else
        {
            while ((uint)group < (uint)groups.Length)
            {
                ref Group candidate = ref groups[group];
                if (candidate.HashCode == hashCode && _comparer.Equals(candidate.Item, item))
                {
                    return group;
                }

                previous = group;
                group = candidate.NextInChain;
            }
        }

        return None;
    }

    // Puts a new, empty group for an item at the head of its chain; the caller gives it its first occurrence.
    private int NewGroup(T item, int hashCode)
    {
        int group = _freeGroup;
        if (group != None)
        {
            _freeGroup = _groups[group].NextInChain;
        }
        else
        {
            if (_groupsUsed == _groups.Length)
            {
                GrowGroups();
            }

            group = _groupsUsed++;
        }

        ref int head = ref _buckets[BucketOf(hashCode)];
        ref Group slot = ref _groups[group];
        slot.Item = item;
        slot.HashCode = hashCode;
        slot.First = None;
        slot.NextInChain = head;
        head = group;
        return group;
    }

    // Unlinks an emptied group from its chain and puts its slot on the free list.
    private void FreeGroup(int group, int previousInChain)
    {
        ref Group slot = ref _groups[group];
        if (previousInChain == None)
        {
            _buckets[BucketOf(slot.HashCode)] = slot.NextInChain;
        }
        else
        {
            _groups[previousInChain].NextInChain = slot.NextInChain;
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            slot.Item = default!;
        }

        slot.First = None;
        slot.NextInChain = _freeGroup;
        _freeGroup = group;
    }

    // Moves the last occurrence into a hole left by one already taken off its group's list.
    private void FillHole(int hole)
    {
        Occurrence[] occurrences = _occurrences;
        int last = _count - 1;
        if (hole != last)
        {
            // Its neighbours, or its group's head, are re-pointed by index: nothing of it is hashed or compared.
            ref Occurrence moved = ref occurrences[last];
            if (moved.Previous == None)
            {
                _groups[moved.Group].First = hole;
            }
            else
            {
                occurrences[moved.Previous].Next = hole;
            }

            if (moved.Next != None)
            {
                occurrences[moved.Next].Previous = hole;
            }

            occurrences[hole] = moved;
        }

        // Let the item be collected; a slot past the count is on no list, so its other fields do not matter.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            occurrences[last] = default;
        }

        _count = last;
    }

    private void GrowGroups()
    {
        _groups = Grown(_groups);
        int bits = 32 - int.LeadingZeroCount(_groups.Length - 1);
        _bucketShift = 32 - bits;
        _buckets = new int[1 << bits];
        _buckets.AsSpan().Fill(None);

        // Only reached with no free slot, so every slot handed out holds a group.
        for (int group = 0; group < _groupsUsed; group++)
        {
            ref Group slot = ref _groups[group];
            ref int head = ref _buckets[BucketOf(slot.HashCode)];
            slot.NextInChain = head;
            head = group;
        }
    }

    private static TElement[] Grown<TElement>(TElement[] array)
    {
        // Doubling keeps adds amortized O(1); Array.MaxLength caps it, as in List<T>.
        int length = array.Length == 0 ? InitialLength : (int)Math.Min(2L * array.Length, Array.MaxLength);
        if (length == array.Length)
        {
            throw new InvalidOperationException("The collection cannot hold any more items.");
        }

        Array.Resize(ref array, length);
        return array;
    }

    [DoesNotReturn]
    private static void ThrowArgumentNull(string paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn]
    private static void ThrowEmpty() => throw new InvalidOperationException("The collection is empty.");

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        // No comparer calls here: the tests count them.
        Debug.Assert(_count >= 0 && _count <= _occurrences.Length, "The occurrences fit in their array.");
        Debug.Assert(_groupsUsed <= _groups.Length && _buckets.Length >= _groups.Length, "There is a bucket for every group.");
        Debug.Assert(_count == 0 || _buckets != NoBuckets, "A collection that holds items has buckets of its own.");
        Debug.Assert(_count == 0 || _groups[_occurrences[_count - 1].Group].First != None, "The last occurrence's group is in use.");
    }

    private struct Occurrence
    {
        // The item as the Add that added this occurrence received it.
        public T Item;

        // The slot of the item's group.
        public int Group;

        // The neighbouring occurrences of the same group, or None at either end.
        public int Previous;
        public int Next;
    }

    private struct Group
    {
        // The item as its first Add received it; the one the comparer compares.
        public T Item;

        // The item's hash code, kept so that growing the table never hashes an item again.
        public int HashCode;

        // The next group of the same hash chain (or of the free list), or None.
        public int NextInChain;

        // The first of the group's occurrences, or None for a free slot.
        public int First;
    }
}
