// Mistake: a read (and Clear) only moves the indices and leaves the item in its slot, so the buffer keeps objects alive that it no longer holds.
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

public enum CircularBufferOverflow
{
    Reject,
    OverwriteOldest,
}

public sealed class CircularBuffer<T> : IReadOnlyList<T>
{
    private readonly T[] _items;
    private int _head;
    private int _count;
    private int _version;

    public CircularBuffer(int capacity, CircularBufferOverflow overflow = CircularBufferOverflow.Reject)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (!Enum.IsDefined(overflow))
        {
            throw new ArgumentOutOfRangeException(nameof(overflow));
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
            return _items[(int)(((long)_head + index) % _items.Length)];
        }
    }

    public void Write(T item)
    {
        if (!TryWrite(item))
        {
            throw new InvalidOperationException("The buffer is full.");
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

            _items[_head] = item;
            _head = (_head + 1) % _items.Length;
        }
        else
        {
            _items[(int)(((long)_head + _count) % _items.Length)] = item;
            _count++;
        }

        _version++;
        return true;
    }

    public T Read()
    {
        if (!TryRead(out T? item))
        {
            throw new InvalidOperationException("The buffer is empty.");
        }

        return item;
    }

    public bool TryRead([MaybeNullWhen(false)] out T item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }

        item = _items[_head];
        _head = (_head + 1) % _items.Length;
        _count--;
        _version++;
        return true;
    }

    public T Peek() => _count == 0 ? throw new InvalidOperationException("The buffer is empty.") : _items[_head];

    public bool TryPeek([MaybeNullWhen(false)] out T item)
    {
        item = _count == 0 ? default : _items[_head];
        return _count != 0;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
        _version++;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<T>
    {
        private readonly CircularBuffer<T> _buffer;
        private readonly int _version;
        private int _index;

        internal Enumerator(CircularBuffer<T> buffer)
        {
            _buffer = buffer;
            _version = buffer._version;
            _index = -1;
        }

        public readonly T Current => _buffer[_index];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (_version != _buffer._version)
            {
                throw new InvalidOperationException("The buffer changed during enumeration.");
            }

            return ++_index < _buffer._count;
        }

        void IEnumerator.Reset()
        {
            if (_version != _buffer._version)
            {
                throw new InvalidOperationException("The buffer changed during enumeration.");
            }

            _index = -1;
        }

        public readonly void Dispose()
        {
        }
    }
}

public sealed class SpscRingBuffer<T>
{
    private readonly T[] _slots;

    // Positions only grow: the ring holds the items at positions [_readPosition, _writePosition).
    private long _readPosition;
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
            long read = Volatile.Read(ref _readPosition);
            long written = Volatile.Read(ref _writePosition);
            return (int)Math.Clamp(written - read, 0, _slots.Length);
        }
    }

    public bool IsEmpty => Count == 0;

    public bool TryWrite(T item)
    {
        long position = _writePosition;
        if (position - Volatile.Read(ref _readPosition) == _slots.Length)
        {
            return false;
        }

        _slots[position % _slots.Length] = item;
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
        if (position == Volatile.Read(ref _writePosition))
        {
            item = default;
            return false;
        }

        long slot = position % _slots.Length;
        item = _slots[slot];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _slots[slot] = default!;
        }

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
