using System.Runtime.CompilerServices;

namespace Katas.Benchmarks;

/// <summary>
/// The floor of the circular buffer benchmark: an array ring of ints with nothing but its two indices. No
/// count, no full or empty checks (the benchmark never overflows it), no version, no policy.
/// </summary>
public sealed class CircularBufferArrayRing(int capacity)
{
    private readonly int[] _items = new int[capacity];
    private int _head;
    private int _tail;

    /// <summary>Writes an item; the caller guarantees there is room.</summary>
    /// <param name="item">The item.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(int item)
    {
        _items[_tail] = item;
        if (++_tail == _items.Length)
        {
            _tail = 0;
        }
    }

    /// <summary>Reads the oldest item; the caller guarantees there is one.</summary>
    /// <returns>The item.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Read()
    {
        int item = _items[_head];
        if (++_head == _items.Length)
        {
            _head = 0;
        }

        return item;
    }
}
