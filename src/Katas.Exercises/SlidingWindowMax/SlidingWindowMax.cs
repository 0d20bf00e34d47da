namespace Katas;

/// <summary>
/// The maximum of every window of a fixed size that slides over a sequence one position at a time
/// (LeetCode 239): for values <c>[1, 3, -1, -3, 5, 3, 6, 7]</c> and windows of 3, <c>[3, 3, 5, 5, 6, 7]</c>.
/// </summary>
/// <remarks>
/// <para>
/// Every overload must run in O(n) time, whatever the window size: the generic overload may call its
/// comparer at most 3 times per value. Beyond the result, memory use must not grow with the input
/// (and the overload that writes into a span allocates nothing at all).
/// </para>
/// <para>All members are thread-safe: they keep no state. See src/Katas.Exercises/SlidingWindowMax/README.md.</para>
/// </remarks>
public static class SlidingWindowMax
{
    /// <summary>Returns the maximum of every window of <paramref name="windowSize"/> consecutive values.</summary>
    /// <param name="values">The values.</param>
    /// <param name="windowSize">The number of values in a window, from 1 to <c>values.Length</c>.</param>
    /// <returns>
    /// <c>values.Length - windowSize + 1</c> maxima: element <c>i</c> is the largest of
    /// <c>values[i..(i + windowSize)]</c>.
    /// </returns>
    /// <remarks>O(n) time, whatever <paramref name="windowSize"/>; allocates only the result.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="windowSize"/> is zero or negative, or larger than <c>values.Length</c>.
    /// </exception>
    public static int[] Maxima(ReadOnlySpan<int> values, int windowSize)
    {
        throw new NotImplementedException("SlidingWindowMax: start here. Read src/Katas.Exercises/SlidingWindowMax/README.md, then run ./kata check sliding-window-max.");
    }

    /// <summary>
    /// Writes the maximum of every window of <paramref name="windowSize"/> consecutive values into
    /// <paramref name="destination"/>.
    /// </summary>
    /// <param name="values">The values.</param>
    /// <param name="windowSize">The number of values in a window, from 1 to <c>values.Length</c>.</param>
    /// <param name="destination">
    /// Receives the maxima in its first <c>values.Length - windowSize + 1</c> elements; the rest is left
    /// alone. It must not overlap <paramref name="values"/>.
    /// </param>
    /// <returns>The number of maxima written: <c>values.Length - windowSize + 1</c>.</returns>
    /// <remarks>O(n) time, whatever <paramref name="windowSize"/>; allocates nothing.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="windowSize"/> is zero or negative, or larger than <c>values.Length</c>.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <c>values.Length - windowSize + 1</c>; nothing is written.
    /// </exception>
    public static int Maxima(ReadOnlySpan<int> values, int windowSize, Span<int> destination)
    {
        throw new NotImplementedException("SlidingWindowMax.Maxima (into a span) is not implemented yet.");
    }

    /// <summary>
    /// Returns the maximum of every window of <paramref name="windowSize"/> consecutive values, in the order
    /// <paramref name="comparer"/> defines.
    /// </summary>
    /// <typeparam name="T">The type of the values.</typeparam>
    /// <param name="values">The values.</param>
    /// <param name="windowSize">The number of values in a window, from 1 to <c>values.Length</c>.</param>
    /// <param name="comparer">Orders the values; <see langword="null"/> for <see cref="Comparer{T}.Default"/>.</param>
    /// <returns>
    /// <c>values.Length - windowSize + 1</c> maxima: element <c>i</c> is a largest of
    /// <c>values[i..(i + windowSize)]</c> (which one, among values the comparer calls equal, is unspecified).
    /// </returns>
    /// <remarks>
    /// O(n) time whatever <paramref name="windowSize"/>: at most 3 calls of <paramref name="comparer"/> per
    /// value. Allocates only the result.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="windowSize"/> is zero or negative, or larger than <c>values.Length</c>.
    /// </exception>
    public static T[] Maxima<T>(ReadOnlySpan<T> values, int windowSize, IComparer<T>? comparer)
    {
        throw new NotImplementedException("SlidingWindowMax.Maxima<T> (with a comparer) is not implemented yet.");
    }
}
