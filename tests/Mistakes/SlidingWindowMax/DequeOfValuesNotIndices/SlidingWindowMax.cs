// Mistake: the deque holds values instead of indices, so a value leaving the window is recognised by equality, and with equal values popped at the back the front copy leaves too early.
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
        // The candidate values themselves, decreasing from front to back, in a ring of windowSize slots.
        T[] deque = ArrayPool<T>.Shared.Rent(windowSize);
        int front = 0;
        int count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            // The value sliding out leaves the deque if it is the front.
            if (i >= windowSize && count > 0 && comparer.Compare(deque[front], values[i - windowSize]) == 0)
            {
                front = (front + 1) % windowSize;
                count--;
            }

            while (count > 0 && comparer.Compare(deque[(front + count - 1) % windowSize], values[i]) <= 0)
            {
                count--;
            }

            deque[(front + count) % windowSize] = values[i];
            count++;
            if (i >= windowSize - 1)
            {
                maxima[i - windowSize + 1] = deque[front];
            }
        }

        ArrayPool<T>.Shared.Return(deque, clearArray: true);
    }
}

public sealed class SlidingWindowMaxTracker
{
    // The last WindowSize values, in a ring that grows up to WindowSize: they say which value leaves next.
    private int[] _window;
    private int _oldest;
    private int _count;

    // The candidate values, decreasing from front to back, in a ring that grows up to WindowSize.
    private int[] _deque;
    private int _front;
    private int _candidates;

    public SlidingWindowMaxTracker(int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        WindowSize = windowSize;
        _window = new int[Math.Min(windowSize, 16)];
        _deque = new int[Math.Min(windowSize, 16)];
    }

    public int WindowSize { get; }

    public int Count => _count;

    public int Max => _candidates == 0 ? throw new InvalidOperationException("The window is empty.") : _deque[_front];

    public void Add(int value)
    {
        if (_count == WindowSize)
        {
            // The value sliding out leaves the deque if it is the front.
            int leaving = _window[_oldest];
            _oldest = (_oldest + 1) % _window.Length;
            _count--;
            if (_candidates > 0 && _deque[_front] == leaving)
            {
                _front = (_front + 1) % _deque.Length;
                _candidates--;
            }
        }

        while (_candidates > 0 && _deque[(_front + _candidates - 1) % _deque.Length] <= value)
        {
            _candidates--;
        }

        if (_candidates == _deque.Length)
        {
            _deque = Grow(_deque, _front, _candidates);
            _front = 0;
        }

        _deque[(_front + _candidates) % _deque.Length] = value;
        _candidates++;

        if (_count == _window.Length)
        {
            _window = Grow(_window, _oldest, _count);
            _oldest = 0;
        }

        _window[(_oldest + _count) % _window.Length] = value;
        _count++;
    }

    public void Clear()
    {
        _oldest = 0;
        _count = 0;
        _front = 0;
        _candidates = 0;
    }

    private int[] Grow(int[] ring, int start, int count)
    {
        var larger = new int[Math.Min(ring.Length * 2L, WindowSize)];
        for (int i = 0; i < count; i++)
        {
            larger[i] = ring[(start + i) % ring.Length];
        }

        return larger;
    }
}
