using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// The lock-free ring a strong candidate writes for one producer and one consumer: two positions that only
/// grow, each moved by one side alone and published with <see cref="Volatile"/>; the ring holds the items at
/// positions [read, written), so it needs no spare slot and no shared count. The contract is the stub's XML
/// docs (src/Katas.Exercises/CircularBuffer/SpscRingBuffer.cs); README.md beside this folder says why this
/// design and what it costs.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class SpscRingBuffer<T>
{
    // The ring: position p lives in slot p mod Capacity.
    private readonly T[] _slots;

    // The position of the next item to read: the consumer's alone to move.
    private long _readPosition;

    // The position of the next item to write: the producer's alone to move. In a long, it never wraps.
    private long _writePosition;

    public SpscRingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _slots = new T[capacity];
    }

    public int Capacity => _slots.Length;

    public int Count
    {
        get
        {
            // The consumer's position first: it can only have moved on by the time the producer's is read,
            // so the difference is never negative. The producer may have moved on by more than a lap in the
            // meantime, hence the cap.
            long read = Volatile.Read(ref _readPosition);
            long written = Volatile.Read(ref _writePosition);
            return (int)Math.Min(written - read, _slots.Length);
        }
    }

    public bool IsEmpty => Count == 0;

    public bool TryWrite(T item)
    {
        long position = _writePosition;

        // The acquire read: the consumer's read of the slot, one lap ago, is done before the slot is reused.
        if (position - Volatile.Read(ref _readPosition) == _slots.Length)
        {
            return false;
        }

        _slots[position % _slots.Length] = item;

        // The release write: the item is in its slot before the consumer can see the new position.
        Volatile.Write(ref _writePosition, position + 1);
        return true;
    }

    public void Write(T item, CancellationToken cancellationToken = default)
    {
        while (!TryWrite(item))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Thread.Yield();
        }
    }

    public bool TryRead([MaybeNullWhen(false)] out T item)
    {
        long position = _readPosition;

        // The acquire read: the producer's write of the slot is seen before the slot is read.
        if (position == Volatile.Read(ref _writePosition))
        {
            item = default;
            return false;
        }

        long slot = position % _slots.Length;
        item = _slots[slot];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _slots[slot] = default!; // so that the ring does not keep the item alive
        }

        // The release write: the slot is read (and cleared) before the producer may write it again.
        Volatile.Write(ref _readPosition, position + 1);
        return true;
    }

    public T Read(CancellationToken cancellationToken = default)
    {
        T? item;
        while (!TryRead(out item))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Thread.Yield();
        }

        return item;
    }
}
