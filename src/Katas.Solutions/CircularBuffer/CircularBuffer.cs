using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// The reference circular buffer: one array used as a ring, a head, a tail and a count, the ends wrapped with a
/// compare instead of <c>%</c>. The contract, member by member, is the stub's XML docs
/// (src/Katas.Exercises/CircularBuffer/CircularBuffer.cs); what is said here is how this implementation meets it.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Every operation runs in O(1) time and none allocates: the array is allocated once, at construction, with
/// room for <see cref="Capacity"/> items, and nothing ever shifts. A read clears the slot it takes from, and
/// <see cref="Clear"/> the slots in use, only when <typeparamref name="T"/> holds references: that is what lets
/// the garbage collector have the items, and for other types it would be wasted work.
/// </para>
/// <para>
/// The common write, into a buffer with room, is kept small enough to inline; an overwrite goes out of line.
/// Enumeration compares a version that every change bumps. This type is not thread-safe; see
/// <see cref="SpscRingBuffer{T}"/> for one producer thread and one consumer thread.
/// </para>
/// </remarks>
public sealed class CircularBuffer<T> : IReadOnlyList<T>
{
    // The ring. The items occupy _count slots from _head on, wrapping from the last slot to slot 0.
    private readonly T[] _items;

    // Whether a write into a full buffer drops the oldest item (OverwriteOldest) instead of failing.
    private readonly bool _overwrite;

    // The slot of the oldest item, the next one to read; meaningful only when _count > 0.
    private int _head;

    // The slot the next write goes to. Equal to _head both when empty and when full: _count tells them apart.
    private int _tail;

    // The number of items held, from 0 to _items.Length.
    private int _count;

    // Bumped by every change, so that an enumerator can tell the buffer changed underneath it.
    private int _version;

    public CircularBuffer(int capacity, CircularBufferOverflow overflow = CircularBufferOverflow.Reject)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (overflow is not (CircularBufferOverflow.Reject or CircularBufferOverflow.OverwriteOldest))
        {
            throw new ArgumentOutOfRangeException(nameof(overflow), overflow, "Not a defined CircularBufferOverflow value.");
        }

        _items = new T[capacity];
        _overwrite = overflow == CircularBufferOverflow.OverwriteOldest;
    }

    public int Capacity => _items.Length;

    public CircularBufferOverflow Overflow => _overwrite ? CircularBufferOverflow.OverwriteOldest : CircularBufferOverflow.Reject;

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    public bool IsFull => _count == _items.Length;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                ThrowIndexOutOfRange(index, _count);
            }

            return _items[SlotOf(index)];
        }
    }

    public void Write(T item)
    {
        if (_count == _items.Length)
        {
            if (!_overwrite)
            {
                ThrowFull();
            }

            OverwriteOldest(item);
            return;
        }

        Append(item);
    }

    public bool TryWrite(T item)
    {
        if (_count == _items.Length)
        {
            if (!_overwrite)
            {
                return false;
            }

            OverwriteOldest(item);
            return true;
        }

        Append(item);
        return true;
    }

    public T Read()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        return ReadOldest();
    }

    public bool TryRead([MaybeNullWhen(false)] out T item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }

        item = ReadOldest();
        return true;
    }

    public T Peek()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        return _items[_head];
    }

    public bool TryPeek([MaybeNullWhen(false)] out T item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }

        item = _items[_head];
        return true;
    }

    public void Clear()
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() && _count > 0)
        {
            // The items are either one run [_head, _head + _count) or two: [_head, end) and [0, _tail).
            if (_head < _tail)
            {
                Array.Clear(_items, _head, _count);
            }
            else
            {
                Array.Clear(_items, _head, _items.Length - _head);
                Array.Clear(_items, 0, _tail);
            }
        }

        _head = 0;
        _tail = 0;
        _count = 0;
        _version++;
        AssertInvariants();
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(T item)
    {
        _items[_tail] = item;
        _tail = Next(_tail);
        _count++;
        _version++;
        AssertInvariants();
    }

    // Kept out of line: the common write, into a buffer with room, stays small enough to inline.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void OverwriteOldest(T item)
    {
        // Full, so _tail == _head: the slot about to be written holds the oldest item. Writing over it and
        // moving both ends on by one drops exactly that item; _count stays at capacity.
        _items[_tail] = item;
        _tail = Next(_tail);
        _head = _tail;
        _version++;
        AssertInvariants();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T ReadOldest()
    {
        int head = _head;
        T item = _items[head];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // Let the garbage collector have the item once the reader is done with it.
            _items[head] = default!;
        }

        _head = Next(head);
        _count--;
        _version++;
        AssertInvariants();
        return item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int slot)
    {
        // A compare, not `% Length`: an integer division costs more than the whole rest of a write.
        slot++;
        return slot == _items.Length ? 0 : slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SlotOf(int index)
    {
        // _head + index can pass int.MaxValue for a ring of more than 2^30 slots, but the true slot is below
        // Length, so the unchecked subtraction still lands on it.
        int slot = _head + index;
        if ((uint)slot >= (uint)_items.Length)
        {
            slot -= _items.Length;
        }

        return slot;
    }

    [DoesNotReturn]
    private static void ThrowFull() =>
        throw new InvalidOperationException(
            "The circular buffer is full. Read an item first, or create the buffer with CircularBufferOverflow.OverwriteOldest.");

    [DoesNotReturn]
    private static void ThrowEmpty() => throw new InvalidOperationException("The circular buffer is empty.");

    [DoesNotReturn]
    private static void ThrowIndexOutOfRange(int index, int count) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"The index must be at least 0 and less than Count ({count}).");

    [DoesNotReturn]
    private static void ThrowChangedDuringEnumeration() =>
        throw new InvalidOperationException("The circular buffer was changed; enumeration cannot continue.");

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_count >= 0 && _count <= _items.Length, "Count stays within [0, Capacity].");
        Debug.Assert((uint)_head < (uint)_items.Length && (uint)_tail < (uint)_items.Length, "Both ends are slots of the ring.");
        Debug.Assert(((long)_head + _count) % _items.Length == _tail, "The tail is Count slots after the head, around the ring.");
    }

    /// <summary>Walks the buffer from the oldest item to the newest; a struct, so <c>foreach</c> allocates nothing.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        // The buffer walked.
        private readonly CircularBuffer<T> _buffer;

        // The buffer's version when enumeration began; any other value means it changed.
        private readonly int _version;

        // The position of Current from the oldest item: -1 before the first MoveNext, Count after the last.
        private int _index;

        // The item at _index, or the default value outside the items.
        private T? _current;

        internal Enumerator(CircularBuffer<T> buffer)
        {
            _buffer = buffer;
            _version = buffer._version;
            _index = -1;
            _current = default;
        }

        public readonly T Current => _current!;

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_version != _buffer._version)
            {
                ThrowChangedDuringEnumeration();
            }

            if (_index + 1 < _buffer._count)
            {
                _index++;
                _current = _buffer._items[_buffer.SlotOf(_index)];
                return true;
            }

            _index = _buffer._count;
            _current = default;
            return false;
        }

        void IEnumerator.Reset()
        {
            if (_version != _buffer._version)
            {
                ThrowChangedDuringEnumeration();
            }

            _index = -1;
            _current = default;
        }

        public readonly void Dispose()
        {
        }
    }
}
