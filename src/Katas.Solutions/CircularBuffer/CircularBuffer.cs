using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// A fixed-capacity first-in, first-out buffer over one array used as a ring: writes go in at the newest
/// end, reads come out at the oldest, and both ends wrap around the array instead of shifting items.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Every operation runs in O(1) time and none allocates: the array is allocated once, at construction, with
/// room for <see cref="Capacity"/> items. A write into a full buffer follows the
/// <see cref="CircularBufferOverflow"/> chosen at construction. Reading or clearing releases the references
/// the buffer held, so it never keeps an item alive that a reader has taken.
/// </para>
/// <para>
/// Enumeration runs from the oldest item to the newest and fails fast, as the BCL collections do: after any
/// change to the buffer, the enumerator's next <c>MoveNext</c> throws <see cref="InvalidOperationException"/>.
/// </para>
/// <para>
/// This type is not thread-safe; guard it with a lock to share it between threads, or use
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

    /// <summary>Initializes an empty buffer that holds at most <paramref name="capacity"/> items.</summary>
    /// <param name="capacity">The most items the buffer holds.</param>
    /// <param name="overflow">What a write into a full buffer does.</param>
    /// <remarks>Allocates the whole ring up front: O(<paramref name="capacity"/>) time and memory.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="capacity"/> is zero or negative, or <paramref name="overflow"/> is not a defined
    /// <see cref="CircularBufferOverflow"/> value.
    /// </exception>
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

    /// <summary>Gets the most items the buffer holds.</summary>
    public int Capacity => _items.Length;

    /// <summary>Gets what a write into a full buffer does.</summary>
    public CircularBufferOverflow Overflow => _overwrite ? CircularBufferOverflow.OverwriteOldest : CircularBufferOverflow.Reject;

    /// <summary>Gets the number of items in the buffer.</summary>
    public int Count => _count;

    /// <summary>Gets a value indicating whether the buffer holds no items.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>Gets a value indicating whether the buffer holds <see cref="Capacity"/> items.</summary>
    public bool IsFull => _count == _items.Length;

    /// <summary>Gets the item at a position counted from the oldest item (0) to the newest (<c>Count - 1</c>).</summary>
    /// <param name="index">The position, 0 for the oldest item.</param>
    /// <returns>The item; the buffer is not changed.</returns>
    /// <remarks>O(1).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative, or not less than <see cref="Count"/>.</exception>
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

    /// <summary>
    /// Writes an item at the newest end. When the buffer is full it drops the oldest item first if it was
    /// created with <see cref="CircularBufferOverflow.OverwriteOldest"/>, and throws otherwise.
    /// </summary>
    /// <param name="item">The item to write.</param>
    /// <remarks>O(1); allocates nothing.</remarks>
    /// <exception cref="InvalidOperationException">
    /// The buffer is full and its policy is <see cref="CircularBufferOverflow.Reject"/>; the buffer is unchanged.
    /// </exception>
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

    /// <summary>
    /// Writes an item at the newest end if the policy allows it: always with
    /// <see cref="CircularBufferOverflow.OverwriteOldest"/> (dropping the oldest item when full), and only
    /// when there is room with <see cref="CircularBufferOverflow.Reject"/>.
    /// </summary>
    /// <param name="item">The item to write.</param>
    /// <returns><see langword="false"/> when the buffer was full and rejects overflow; the buffer is then unchanged.</returns>
    /// <remarks>O(1); allocates nothing.</remarks>
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

    /// <summary>Removes and returns the oldest item.</summary>
    /// <returns>The oldest item.</returns>
    /// <remarks>O(1); allocates nothing.</remarks>
    /// <exception cref="InvalidOperationException">The buffer is empty.</exception>
    public T Read()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        return ReadOldest();
    }

    /// <summary>Removes and returns the oldest item, if there is one.</summary>
    /// <param name="item">The oldest item when the buffer was not empty; otherwise the default value.</param>
    /// <returns><see langword="false"/> when the buffer was empty.</returns>
    /// <remarks>O(1); allocates nothing.</remarks>
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

    /// <summary>Returns the oldest item without removing it.</summary>
    /// <returns>The oldest item.</returns>
    /// <remarks>O(1).</remarks>
    /// <exception cref="InvalidOperationException">The buffer is empty.</exception>
    public T Peek()
    {
        if (_count == 0)
        {
            ThrowEmpty();
        }

        return _items[_head];
    }

    /// <summary>Returns the oldest item without removing it, if there is one.</summary>
    /// <param name="item">The oldest item when the buffer is not empty; otherwise the default value.</param>
    /// <returns><see langword="false"/> when the buffer is empty.</returns>
    /// <remarks>O(1).</remarks>
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

    /// <summary>Removes every item; the capacity and the overflow policy stay.</summary>
    /// <remarks>O(1) for items without references; otherwise O(<see cref="Count"/>), to release them.</remarks>
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

    /// <summary>Returns an enumerator that walks the items from the oldest to the newest.</summary>
    /// <returns>An enumerator that throws <see cref="InvalidOperationException"/> if the buffer changes while it is in use.</returns>
    /// <remarks>Allocates nothing when used through <c>foreach</c> on a <see cref="CircularBuffer{T}"/>.</remarks>
    public Enumerator GetEnumerator() => new(this);

    /// <inheritdoc/>
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
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

    /// <summary>Walks a <see cref="CircularBuffer{T}"/> from the oldest item to the newest.</summary>
    /// <remarks>A struct, so <c>foreach</c> over the buffer allocates nothing.</remarks>
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

        /// <summary>Gets the item at the enumerator's position.</summary>
        /// <remarks>The default value before the first <see cref="MoveNext"/> and after the last item.</remarks>
        public readonly T Current => _current!;

        /// <inheritdoc/>
        readonly object? IEnumerator.Current => Current;

        /// <summary>Moves to the next newer item.</summary>
        /// <returns><see langword="false"/> when there is none left.</returns>
        /// <exception cref="InvalidOperationException">The buffer changed since the enumerator was created.</exception>
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

        /// <summary>Moves back to before the oldest item.</summary>
        /// <exception cref="InvalidOperationException">The buffer changed since the enumerator was created.</exception>
        void IEnumerator.Reset()
        {
            if (_version != _buffer._version)
            {
                ThrowChangedDuringEnumeration();
            }

            _index = -1;
            _current = default;
        }

        /// <summary>Does nothing: the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }
    }
}
