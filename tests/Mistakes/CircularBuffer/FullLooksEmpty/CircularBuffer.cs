// Mistake: only a head and a tail index and no count, so a full buffer (tail back at the head) looks exactly like an empty one.
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
    private int _tail;
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

    // The items run from the head up to the tail, around the ring.
    public int Count => (_tail - _head + _items.Length) % _items.Length;

    public bool IsEmpty => Count == 0;

    public bool IsFull => Count == _items.Length;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            int slot = _head + index;
            return _items[slot >= _items.Length ? slot - _items.Length : slot];
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

            _items[_tail] = item;
            _tail = Next(_tail);
            _head = Next(_head);
        }
        else
        {
            _items[_tail] = item;
            _tail = Next(_tail);
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
        if (IsEmpty)
        {
            item = default;
            return false;
        }

        item = _items[_head];
        _items[_head] = default!;
        _head = Next(_head);
        _version++;
        return true;
    }

    public T Peek() => IsEmpty ? throw new InvalidOperationException("The buffer is empty.") : _items[_head];

    public bool TryPeek([MaybeNullWhen(false)] out T item)
    {
        item = IsEmpty ? default : _items[_head];
        return !IsEmpty;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _tail = 0;
        _version++;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int Next(int slot) => slot + 1 == _items.Length ? 0 : slot + 1;

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

            return ++_index < _buffer.Count;
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
