namespace Katas.Tests;

/// <summary>Inputs and the obviously right answer that the sliding-window tests of every stage share.</summary>
internal static class SlidingWindowMaxValues
{
    /// <summary>Random values in ±1,000,000, the same for the same seed.</summary>
    /// <param name="length">How many.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The values.</returns>
    internal static int[] RandomValues(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.Next(-1_000_000, 1_000_000))];
    }

    /// <summary>The O(n·k) answer: obviously right.</summary>
    /// <param name="values">The values.</param>
    /// <param name="windowSize">The window size.</param>
    /// <returns>The maximum of every window.</returns>
    internal static int[] NaiveMaxima(int[] values, int windowSize)
    {
        var maxima = new int[values.Length - windowSize + 1];
        for (int start = 0; start < maxima.Length; start++)
        {
            int max = values[start];
            for (int i = start + 1; i < start + windowSize; i++)
            {
                max = Math.Max(max, values[i]);
            }

            maxima[start] = max;
        }

        return maxima;
    }
}
