// Mistake: the SPSC ring keeps one count that the producer increments and the consumer decrements with plain ++ and --, so concurrent updates get lost.
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
        _items[_head] = default!;
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
        Array.Clear(_items);
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
    private int _head;
    private int _tail;

    // How many items the ring holds: the producer increments it, the consumer decrements it.
    private volatile int _count;

    public SpscRingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _slots = new T[capacity];
    }

    public int Capacity => _slots.Length;

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    public bool TryWrite(T item)
    {
        if (_count == _slots.Length)
        {
            return false;
        }

        _slots[_tail] = item;
        _tail = (_tail + 1) % _slots.Length;
        _count++;
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
        if (_count == 0)
        {
            item = default;
            return false;
        }

        item = _slots[_head];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            _slots[_head] = default!;
        }

        _head = (_head + 1) % _slots.Length;
        _count--;
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
