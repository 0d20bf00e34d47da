// Alternative: the textbook monotonic deque of indices, in an int[] ring rented from ArrayPool, and the same deque of (value, position) pairs for the tracker; the contract tests must accept it.
using System.Buffers;

namespace Katas;

public static class SlidingWindowMax
{
    public static int[] Maxima(ReadOnlySpan<int> values, int windowSize)
    {
        Validate(values.Length, windowSize);
        var maxima = new int[values.Length - windowSize + 1];
        Compute(values, windowSize, maxima, Comparer<int>.Default);
        return maxima;
    }

    public static int Maxima(ReadOnlySpan<int> values, int windowSize, Span<int> destination)
    {
        Validate(values.Length, windowSize);
        int windows = values.Length - windowSize + 1;
        if (destination.Length < windows)
        {
            throw new ArgumentException("The destination is too short for every window.", nameof(destination));
        }

        Compute(values, windowSize, destination, Comparer<int>.Default);
        return windows;
    }

    public static T[] Maxima<T>(ReadOnlySpan<T> values, int windowSize, IComparer<T>? comparer)
    {
        Validate(values.Length, windowSize);
        var maxima = new T[values.Length - windowSize + 1];
        Compute(values, windowSize, maxima, comparer ?? Comparer<T>.Default);
        return maxima;
    }

    private static void Validate(int length, int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowSize, length);
    }

    private static void Compute<T>(ReadOnlySpan<T> values, int windowSize, Span<T> maxima, IComparer<T> comparer)
    {
        // Indices of the candidates, their values decreasing from front to back, in a ring of windowSize slots.
        int[] deque = ArrayPool<int>.Shared.Rent(windowSize);
        int front = 0;
        int count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (count > 0 && deque[front] <= i - windowSize)
            {
                front = (front + 1) % windowSize;
                count--;
            }

            while (count > 0 && comparer.Compare(values[deque[(front + count - 1) % windowSize]], values[i]) <= 0)
            {
                count--;
            }

            deque[(front + count) % windowSize] = i;
            count++;
            if (i >= windowSize - 1)
            {
                maxima[i - windowSize + 1] = values[deque[front]];
            }
        }

        ArrayPool<int>.Shared.Return(deque);
    }
}

public sealed class SlidingWindowMaxTracker
{
    // The candidates and their positions in the stream, values decreasing from front to back, in a ring.
    private (int Value, long Position)[] _deque;
    private int _front;
    private int _count;
    private long _added;

    public SlidingWindowMaxTracker(int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        WindowSize = windowSize;
        _deque = new (int, long)[Math.Min(windowSize, 16)];
    }

    public int WindowSize { get; }

    public int Count => (int)Math.Min(_added, WindowSize);

    public int Max => _count == 0 ? throw new InvalidOperationException("The window is empty.") : _deque[_front].Value;

    public void Add(int value)
    {
        long position = _added++;
        if (_count > 0 && _deque[_front].Position <= position - WindowSize)
        {
            _front = (_front + 1) % _deque.Length;
            _count--;
        }

        while (_count > 0 && _deque[(_front + _count - 1) % _deque.Length].Value <= value)
        {
            _count--;
        }

        if (_count == _deque.Length)
        {
            var larger = new (int, long)[Math.Min(_deque.Length * 2L, WindowSize + 1L)];
            for (int i = 0; i < _count; i++)
            {
                larger[i] = _deque[(_front + i) % _deque.Length];
            }

            _deque = larger;
            _front = 0;
        }

        _deque[(_front + _count) % _deque.Length] = (value, position);
        _count++;
    }

    public void Clear()
    {
        _front = 0;
        _count = 0;
        _added = 0;
    }
}
