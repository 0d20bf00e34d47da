using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The circular buffer a strong candidate writes in 45 minutes: one array, a head, a tail and a count, the
/// indices wrapped with <c>%</c>. The contract is the stub's XML docs (src/Katas.Exercises/CircularBuffer/);
/// README.md beside this folder says why this design and what it costs.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
public sealed class CircularBuffer<T> : IReadOnlyList<T>
{
    // The ring: _count items from slot _head on, wrapping from the last slot to slot 0.
    private readonly T[] _items;

    // The slots of the oldest item (the next read) and of the next write. They are equal both when the
    // buffer is empty and when it is full: _count tells those apart.
    private int _head;
    private int _tail;

    // The number of items held.
    private int _count;

    // Bumped by every change, so that an enumerator can tell the buffer changed under it.
    private int _version;

    public CircularBuffer(int capacity, CircularBufferOverflow overflow = CircularBufferOverflow.Reject)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (!Enum.IsDefined(overflow))
        {
            throw new ArgumentOutOfRangeException(nameof(overflow), overflow, "Not a CircularBufferOverflow value.");
        }

        _items = new T[capacity];
        Overflow = overflow;
    }

    public int Capacity => _items.Length;

    public CircularBufferOverflow Overflow { get; }

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    public bool IsFull => _count == _items.Length;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _items[(int)(((long)_head + index) % _items.Length)]; // long: the sum may pass int.MaxValue
        }
    }

    public void Write(T item)
    {
        if (!TryWrite(item))
        {
            throw new InvalidOperationException("The buffer is full: read first, or create it with CircularBufferOverflow.OverwriteOldest.");
        }
    }

    public bool TryWrite(T item)
    {
        if (IsFull)
        {
            if (Overflow == CircularBufferOverflow.Reject)
            {
                return false;
            }

            // Drop the oldest item; its slot is the tail's, so the write below replaces it.
            _head = (_head + 1) % _items.Length;
            _count--;
        }

        _items[_tail] = item;
        _tail = (_tail + 1) % _items.Length;
        _count++;
        _version++;
        return true;
    }

    public T Read() => TryRead(out T? item) ? item : throw new InvalidOperationException("The buffer is empty.");

    public bool TryRead([MaybeNullWhen(false)] out T item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }

        item = _items[_head];
        _items[_head] = default!; // so that the buffer does not keep the item alive for the garbage collector
        _head = (_head + 1) % _items.Length;
        _count--;
        _version++;
        return true;
    }

    public T Peek() => TryPeek(out T? item) ? item : throw new InvalidOperationException("The buffer is empty.");

    public bool TryPeek([MaybeNullWhen(false)] out T item)
    {
        item = _count == 0 ? default : _items[_head];
        return _count != 0;
    }

    public void Clear()
    {
        Array.Clear(_items);
        (_head, _tail, _count) = (0, 0, 0);
        _version++;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A struct, as <see cref="Queue{T}"/>'s is, so that <c>foreach</c> allocates nothing.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        // The buffer walked, and its version when the walk began: any other version means it changed.
        private readonly CircularBuffer<T> _buffer;
        private readonly int _version;

        // The position of Current from the oldest item: -1 before the first MoveNext, Count after the last.
        private int _index;

        internal Enumerator(CircularBuffer<T> buffer) => (_buffer, _version, _index) = (buffer, buffer._version, -1);

        public readonly T Current => (uint)_index < (uint)_buffer._count ? _buffer[_index] : default!;

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            ThrowIfChanged();
            _index = Math.Min(_index + 1, _buffer._count);
            return _index < _buffer._count;
        }

        void IEnumerator.Reset()
        {
            ThrowIfChanged();
            _index = -1;
        }

        public readonly void Dispose() { }

        private readonly void ThrowIfChanged()
        {
            if (_version != _buffer._version)
            {
                throw new InvalidOperationException("The buffer changed during the enumeration.");
            }
        }
    }
}
