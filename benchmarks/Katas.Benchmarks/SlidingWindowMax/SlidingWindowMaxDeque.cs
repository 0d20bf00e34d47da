using System.Numerics;

namespace Katas.Benchmarks;

/// <summary>
/// The textbook O(n) sliding-window maximum: a monotonic deque of indices, kept in an int[] ring, whose
/// values decrease from front to back; the front is the current window's maximum.
/// </summary>
public static class SlidingWindowMaxDeque
{
    /// <summary>Writes the maximum of every window into <paramref name="maxima"/>.</summary>
    /// <param name="values">The values.</param>
    /// <param name="windowSize">The window size, from 1 to the number of values.</param>
    /// <param name="maxima">Receives the maxima; at least values.Length - windowSize + 1 long.</param>
    /// <returns>The number of maxima written.</returns>
    public static int Maxima(int[] values, int windowSize, int[] maxima)
    {
        // The deque holds at most windowSize indices; a power-of-two ring wraps with a mask.
        int[] deque = new int[(int)BitOperations.RoundUpToPowerOf2((uint)windowSize)];
        int mask = deque.Length - 1;
        int front = 0;
        int back = 0;
        for (int i = 0; i < values.Length; i++)
        {
            // Expire first, so that the deque never holds more than windowSize indices.
            if (back != front && deque[front & mask] <= i - windowSize)
            {
                front++;
            }

            int value = values[i];
            while (back != front && values[deque[(back - 1) & mask]] <= value)
            {
                back--;
            }

            deque[back & mask] = i;
            back++;

            if (i >= windowSize - 1)
            {
                maxima[i - windowSize + 1] = values[deque[front & mask]];
            }
        }

        return values.Length - windowSize + 1;
    }
}
