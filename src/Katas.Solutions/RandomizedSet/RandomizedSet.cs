using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// The reference randomized set: a hash table whose entries are kept dense, so that the table is also the array
/// <see cref="GetRandom"/> draws from. The contract, member by member, is the stub's XML docs
/// (src/Katas.Exercises/RandomizedSet/RandomizedSet.cs); what is said here is how this implementation meets it.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// <see cref="TryAdd"/>, <see cref="Remove"/> and <see cref="Contains"/> hash the item once and walk one chain,
/// about one entry long; <see cref="TryAdd"/> is amortized O(1) over the doubling of the storage;
/// <see cref="GetRandom"/> makes one draw from the <see cref="Random"/> and one array read. Once the set has held
/// as many items as it will, nothing more is allocated.
/// </para>
/// <para>
/// The List + Dictionary answer keeps an item twice, in a list for the draws and as a key mapped to its position,
/// and a removal costs it three hash lookups: find the item, re-point the item moved into the hole, delete the key.
/// Here each item lives in one entry, with its cached hash code and the next entry of its hash chain, at positions
/// 0 to <see cref="Count"/> - 1. A removal unlinks the entry from the chain it was found on, moves the last entry
/// into the hole, and re-points the one link that named the last entry, found by walking that entry's chain from
/// its cached hash code: one hash of the removed item, no hash of the moved one, and no call to the comparer for it.
/// </para>
/// <para>This type is not thread-safe; guard it with a lock to share it between threads.</para>
/// </remarks>
public sealed class RandomizedSet<T>
    where T : notnull
{
    private const int None = -1;

    // The length of the entries when the first item arrives.
    private const int InitialLength = 4;

    // The buckets of a set that has never held an item: two empty chains. Only ever read: the first add grows the
    // set, which gives it buckets of its own.
    private static readonly int[] NoBuckets = [None, None];

    // Makes the draws.
    private readonly Random _random;

    // The comparer; null when T is a value type compared by default, so the JIT can devirtualize
    // EqualityComparer<T>.Default and inline the item's own Equals and GetHashCode.
    private readonly IEqualityComparer<T>? _comparer;

    // The items at 0 to _count - 1, each with its hash code and the next entry of its chain; the rest is unused.
    private Entry[] _entries = [];

    // The first entry of each hash chain, or None. Its length is a power of two, at least _entries.Length.
    private int[] _buckets = NoBuckets;

    // 32 minus log2(_buckets.Length): Fibonacci hashing keeps the top bits of hash * 2^32 / phi.
    private int _bucketShift = 31;

    // The number of items.
    private int _count;

    public RandomizedSet(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        _random = random ?? new Random();
        if (!typeof(T).IsValueType || (comparer is not null && comparer != EqualityComparer<T>.Default))
        {
            _comparer = comparer ?? EqualityComparer<T>.Default;
        }
    }

    public int Count => _count;

    public bool TryAdd(T item)
    {
        if (item is null)
        {
            ThrowArgumentNull(nameof(item));
        }

        int hashCode = Hash(item);
        if (Find(item, hashCode) != None)
        {
            return false;
        }

        if (_count == _entries.Length)
        {
            Grow();
        }

        int index = _count;
        ref int head = ref _buckets[BucketOf(hashCode)];
        ref Entry entry = ref _entries[index];
        entry.Item = item;
        entry.HashCode = hashCode;
        entry.Next = head;
        head = index;
        _count = index + 1;
        AssertInvariants();
        return true;
    }

    public bool Remove(T item)
    {
        if (item is null)
        {
            ThrowArgumentNull(nameof(item));
        }

        int hashCode = Hash(item);
        Entry[] entries = _entries;
        ref int link = ref _buckets[BucketOf(hashCode)];
        while (true)
        {
            int index = link;
            if ((uint)index >= (uint)entries.Length)
            {
                return false;
            }

            ref Entry entry = ref entries[index];
            if (entry.HashCode == hashCode && AreEqual(entry.Item, item))
            {
                // Unlink it from the chain it was found on, then fill its place.
                link = entry.Next;
                FillHole(index);
                AssertInvariants();
                return true;
            }

            link = ref entry.Next;
        }
    }

    public bool Contains(T item)
    {
        if (item is null)
        {
            ThrowArgumentNull(nameof(item));
        }

        return Find(item, Hash(item)) != None;
    }

    public T GetRandom()
    {
        int count = _count;
        if (count == 0)
        {
            ThrowEmpty();
        }

        return _entries[_random.Next(count)].Item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Hash(T item) => _comparer is null ? item.GetHashCode() : _comparer.GetHashCode(item);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AreEqual(T stored, T item) => _comparer is null ? EqualityComparer<T>.Default.Equals(stored, item) : _comparer.Equals(stored, item);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(int hashCode) => (int)(((uint)hashCode * 2654435769u) >> _bucketShift);

    private int Find(T item, int hashCode)
    {
        Entry[] entries = _entries;
        int index = _buckets[BucketOf(hashCode)];

        // The unsigned test ends the chain at None and lets the JIT drop the bounds check. Two loops, so that the
        // one for default-compared value types calls EqualityComparer<T>.Default directly and has it inlined.
        if (_comparer is null)
        {
            while ((uint)index < (uint)entries.Length)
            {
                ref Entry entry = ref entries[index];
                if (entry.HashCode == hashCode && EqualityComparer<T>.Default.Equals(entry.Item, item))
                {
                    return index;
                }

                index = entry.Next;
            }
        }
        else
        {
            while ((uint)index < (uint)entries.Length)
            {
                ref Entry entry = ref entries[index];
                if (entry.HashCode == hashCode && _comparer.Equals(entry.Item, item))
                {
                    return index;
                }

                index = entry.Next;
            }
        }

        return None;
    }

    // Moves the last entry into a hole left by an entry already unlinked from its chain, so the entries stay dense.
    private void FillHole(int hole)
    {
        Entry[] entries = _entries;
        int last = _count - 1;
        if (hole != last)
        {
            // Exactly one link names the last entry: its bucket's head or the Next of the entry before it in its
            // chain. Its cached hash code finds the chain; chains hold about one entry at this load.
            ref Entry moved = ref entries[last];
            ref int link = ref _buckets[BucketOf(moved.HashCode)];
            while (link != last)
            {
                Debug.Assert(link != None, "The last entry is on the chain of its own bucket.");
                link = ref entries[link].Next;
            }

            link = hole;
            entries[hole] = moved;
        }

        // Let the item be collected; a slot past the count is never on a chain, so its other fields do not matter.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            entries[last] = default;
        }

        _count = last;
    }

    private void Grow()
    {
        // Doubling keeps adds amortized O(1); Array.MaxLength caps it, as in List<T>.
        int length = _entries.Length == 0 ? InitialLength : (int)Math.Min(2L * _entries.Length, Array.MaxLength);
        if (length == _entries.Length)
        {
            throw new InvalidOperationException("The set cannot hold any more items.");
        }

        Array.Resize(ref _entries, length);
        int bits = 32 - int.LeadingZeroCount(length - 1);
        _bucketShift = 32 - bits;
        _buckets = new int[1 << bits];
        _buckets.AsSpan().Fill(None);
        for (int index = 0; index < _count; index++)
        {
            ref Entry entry = ref _entries[index];
            ref int head = ref _buckets[BucketOf(entry.HashCode)];
            entry.Next = head;
            head = index;
        }
    }

    [DoesNotReturn]
    private static void ThrowArgumentNull(string paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn]
    private static void ThrowEmpty() => throw new InvalidOperationException("The set is empty.");

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        // No comparer calls here: the tests count them.
        Debug.Assert(_count >= 0 && _count <= _entries.Length, "The items fit in the entries.");
        Debug.Assert(_buckets.Length >= _entries.Length, "There is a bucket for every entry.");
        Debug.Assert(_count == 0 || _buckets != NoBuckets, "A set that holds items has buckets of its own.");
    }

    private struct Entry
    {
        public T Item;

        // The item's hash code, kept so that a removal or a growth never hashes an item again.
        public int HashCode;

        // The next entry of the same hash chain, or None.
        public int Next;
    }
}
