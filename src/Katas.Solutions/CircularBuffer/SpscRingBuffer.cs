using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Katas;

/// <summary>
/// The reference SPSC ring: each slot carries a sequence number that says whose turn it is, and the producer
/// and the consumer hand slots over through those numbers alone. The contract, member by member, is the stub's
/// XML docs (src/Katas.Exercises/CircularBuffer/SpscRingBuffer.cs); what is said here is how this
/// implementation meets it.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Every operation is O(1), wait-free for the <c>Try</c> forms, and allocates nothing. The textbook SPSC ring
/// shares a head and a tail index, and a consumer that keeps up re-reads the producer's tail for every item:
/// one more cache line bouncing between the cores per item. Here a slot's sequence number lives beside its
/// item, so each side reads only the slot it is about to use; its position stays on a cache line of its own,
/// which the other thread never reads (only <see cref="Count"/> does). Two concurrent writers, or two
/// concurrent readers, corrupt the ring.
/// </para>
/// </remarks>
public sealed class SpscRingBuffer<T>
{
    // The ring. Slot i serves the positions p with p mod Capacity = i; its Sequence is 2p while the slot is
    // free for the item of position p, and 2p + 1 once that item is in it. Doubling keeps the two states of
    // consecutive laps apart even for a capacity of 1. Positions and sequences wrap around int: only
    // equality and small differences are used, and those survive the wrap.
    private readonly Slot[] _slots;

    // The producer's and the consumer's positions and slot indices, each pair on its own cache line.
    private SpscRingBufferPositions _positions;

    public SpscRingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _slots = new Slot[capacity];
        for (int index = 0; index < _slots.Length; index++)
        {
            _slots[index].Sequence = index << 1;
        }
    }

    public int Capacity => _slots.Length;

    public int Count
    {
        get
        {
            // 0 <= Written - Read <= Capacity holds at every moment (see TryWrite). Reading the consumer's
            // position first keeps the difference from going negative; the producer may run on before the
            // second read, hence the cap at Capacity.
            int read = Volatile.Read(ref _positions.Read);
            int written = Volatile.Read(ref _positions.Written);
            return (int)Math.Min((uint)(written - read), (uint)_slots.Length);
        }
    }

    public bool IsEmpty => Count == 0;

    public bool TryWrite(T item)
    {
        Slot[] slots = _slots;
        int position = _positions.Written;
        int index = _positions.WriteIndex;
        ref Slot slot = ref slots[index];

        // Anything but "free for this position" means the consumer has not yet taken the item written here
        // one lap ago: the ring is full. The acquire read keeps the item store below it from moving above it.
        if (Volatile.Read(ref slot.Sequence) != position << 1)
        {
            return false;
        }

        slot.Item = item;
        _positions.WriteIndex = index + 1 == slots.Length ? 0 : index + 1;

        // The position moves before the slot is published and, in TryRead, before the slot is handed back:
        // so 0 <= Written - Read <= Capacity at every moment, which Count relies on.
        Volatile.Write(ref _positions.Written, position + 1);

        // Publish after the item is in place: the release write keeps the stores above it from moving below
        // it, so a consumer that sees the new sequence also sees the item.
        Volatile.Write(ref slot.Sequence, (position << 1) | 1);
        AssertInvariants();
        return true;
    }

    public void Write(T item, CancellationToken cancellationToken = default)
    {
        if (TryWrite(item))
        {
            return;
        }

        var spinner = default(SpinWait);
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        while (!TryWrite(item));
    }

    public bool TryRead([MaybeNullWhen(false)] out T item)
    {
        Slot[] slots = _slots;
        int position = _positions.Read;
        int index = _positions.ReadIndex;
        ref Slot slot = ref slots[index];

        // The acquire read keeps the item read below it from moving above it.
        if (Volatile.Read(ref slot.Sequence) != ((position << 1) | 1))
        {
            item = default;
            return false;
        }

        item = slot.Item;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // Release the reference; the producer writes this slot again only after the release below.
            slot.Item = default!;
        }

        _positions.ReadIndex = index + 1 == slots.Length ? 0 : index + 1;
        Volatile.Write(ref _positions.Read, position + 1);

        // Hand the slot back to the producer, for the position one lap on.
        Volatile.Write(ref slot.Sequence, (position + slots.Length) << 1);
        AssertInvariants();
        return true;
    }

    public T Read(CancellationToken cancellationToken = default)
    {
        if (TryRead(out T? item))
        {
            return item;
        }

        var spinner = default(SpinWait);
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        while (!TryRead(out item));

        return item;
    }

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        int read = Volatile.Read(ref _positions.Read);
        int written = Volatile.Read(ref _positions.Written);
        Debug.Assert((uint)(written - read) <= (uint)_slots.Length, "The consumer is never ahead of the producer, nor a lap behind it.");
        Debug.Assert((uint)_positions.WriteIndex < (uint)_slots.Length, "The producer's index is a slot of the ring.");
        Debug.Assert((uint)_positions.ReadIndex < (uint)_slots.Length, "The consumer's index is a slot of the ring.");
    }

    // An item and the sequence number that says whose turn the slot is.
    private struct Slot
    {
        public T Item;
        public int Sequence;
    }
}

/// <summary>
/// The positions of a <see cref="SpscRingBuffer{T}"/>, laid out so that the consumer's and the producer's
/// fields sit on different cache lines, away from the ring's other fields too: each thread writes only its
/// own line, so neither invalidates the other's on every operation (false sharing).
/// </summary>
/// <remarks>Not nested in the generic ring: the runtime refuses explicit layout on generic types.</remarks>
[StructLayout(LayoutKind.Explicit, Size = 3 * CacheLine)]
internal struct SpscRingBufferPositions
{
    // 128 rather than 64 bytes: x64 processors fetch cache lines in adjacent pairs.
    private const int CacheLine = 128;

    // The position of the next item to read; the consumer's, read by others only through Count.
    [FieldOffset(CacheLine)]
    public int Read;

    // The slot of that item; the consumer's alone.
    [FieldOffset(CacheLine + sizeof(int))]
    public int ReadIndex;

    // The position of the next item to write; the producer's, read by others only through Count.
    [FieldOffset(2 * CacheLine)]
    public int Written;

    // The slot of that item; the producer's alone.
    [FieldOffset(2 * CacheLine + sizeof(int))]
    public int WriteIndex;
}
