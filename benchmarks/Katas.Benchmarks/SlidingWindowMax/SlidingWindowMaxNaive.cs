using System.Runtime.Intrinsics;

namespace Katas.Benchmarks;

/// <summary>The naive sliding-window maximum and the floor of the benchmark.</summary>
public static class SlidingWindowMaxNaive
{
    /// <summary>Rescans every window: O(n·k).</summary>
    /// <param name="values">The values.</param>
    /// <param name="windowSize">The window size, from 1 to the number of values.</param>
    /// <param name="maxima">Receives the maxima; at least values.Length - windowSize + 1 long.</param>
    /// <returns>The number of maxima written.</returns>
    public static int Maxima(int[] values, int windowSize, int[] maxima)
    {
        int windows = values.Length - windowSize + 1;
        for (int start = 0; start < windows; start++)
        {
            int max = values[start];
            for (int i = start + 1; i < start + windowSize; i++)
            {
                max = Math.Max(max, values[i]);
            }

            maxima[start] = max;
        }

        return windows;
    }

    /// <summary>Reads every value once, with vectors, and returns their maximum: no algorithm can read less.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The largest value.</returns>
    public static int ReadOnce(int[] values)
    {
        var max = Vector256.Create(int.MinValue);
        int i = 0;
        for (; i <= values.Length - Vector256<int>.Count; i += Vector256<int>.Count)
        {
            max = Vector256.Max(max, Vector256.Create(values.AsSpan(i, Vector256<int>.Count)));
        }

        int result = int.MinValue;
        for (int lane = 0; lane < Vector256<int>.Count; lane++)
        {
            result = Math.Max(result, max.GetElement(lane));
        }

        for (; i < values.Length; i++)
        {
            result = Math.Max(result, values[i]);
        }

        return result;
    }
}
