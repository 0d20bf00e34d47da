using System.Buffers;

namespace Katas;

/// <summary>
/// The sliding-window maximum a strong candidate writes in 45 minutes: the monotonic deque of indices, in an
/// <c>int[]</c> ring rented from <see cref="ArrayPool{T}"/>, one generic loop behind all three overloads. The
/// contract is the stub's XML docs (src/Katas.Exercises/SlidingWindowMax/); README.md beside this folder says
/// why this design and what it costs.
/// </summary>
public static class SlidingWindowMax
{
    public static int[] Maxima(ReadOnlySpan<int> values, int windowSize)
    {
        ThrowIfInvalid(values.Length, windowSize);
        var maxima = new int[values.Length - windowSize + 1];
        Compute(values, windowSize, maxima, Comparer<int>.Default);
        return maxima;
    }

    public static int Maxima(ReadOnlySpan<int> values, int windowSize, Span<int> destination)
    {
        ThrowIfInvalid(values.Length, windowSize);
        int windows = values.Length - windowSize + 1;
        if (destination.Length < windows)
        {
            throw new ArgumentException($"The destination has room for {destination.Length} maxima; {windows} are needed.", nameof(destination));
        }

        Compute(values, windowSize, destination, Comparer<int>.Default);
        return windows;
    }

    public static T[] Maxima<T>(ReadOnlySpan<T> values, int windowSize, IComparer<T>? comparer)
    {
        ThrowIfInvalid(values.Length, windowSize);
        var maxima = new T[values.Length - windowSize + 1];
        Compute(values, windowSize, maxima, comparer ?? Comparer<T>.Default);
        return maxima;
    }

    private static void ThrowIfInvalid(int length, int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowSize, length);
    }

    private static void Compute<T>(ReadOnlySpan<T> values, int windowSize, Span<T> maxima, IComparer<T> comparer)
    {
        // The indices of the values that can still be a window's maximum, oldest first, their values strictly
        // decreasing: a value outlived by a larger or equal one never can. At most windowSize of them, in a ring.
        int[] deque = ArrayPool<int>.Shared.Rent(windowSize);
        int front = 0;
        int count = 0;
        for (int i = 0; i < values.Length; i++)
        {
            // The window is i - windowSize + 1 .. i, so the front has left it once its index is i - windowSize.
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
