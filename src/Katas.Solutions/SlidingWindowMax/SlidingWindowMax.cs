using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Katas;

/// <summary>
/// The reference sliding-window maximum: van Herk / Gil-Werman blocks, vectorized for <see cref="int"/>. The
/// contract, member by member, is the stub's XML docs (src/Katas.Exercises/SlidingWindowMax/SlidingWindowMax.cs);
/// what is said here is how this implementation meets it.
/// </summary>
/// <remarks>
/// <para>
/// Every overload runs in O(n) time, whatever the window size, and uses O(1) memory beyond its result. The
/// algorithm is van Herk / Gil-Werman: cut the values into blocks as long as a window, so that a window not
/// aligned with a block starts in one block and ends in the next. Its maximum is then the larger of two
/// precomputed values: the maximum from its start to the end of its block (a suffix maximum) and the
/// maximum from the start of the next block to its end (a prefix maximum). One backward scan per block gives
/// the suffix maxima, one forward scan the prefix maxima, and one comparison per window combines them:
/// at most 3 comparisons per value.
/// </para>
/// <para>
/// The <see cref="int"/> overloads run both scans on SIMD vectors (a running maximum within a vector takes
/// three shuffles), and small windows take the direct maximum of a few shifted loads instead.
/// </para>
/// <para>All members are thread-safe: they keep no state.</para>
/// </remarks>
public static class SlidingWindowMax
{
    public static int[] Maxima(ReadOnlySpan<int> values, int windowSize)
    {
        ThrowIfInvalidWindow(values.Length, windowSize);
        int[] maxima = GC.AllocateUninitializedArray<int>(values.Length - windowSize + 1);
        ComputeInt32(values, windowSize, maxima);
        return maxima;
    }

    public static int Maxima(ReadOnlySpan<int> values, int windowSize, Span<int> destination)
    {
        ThrowIfInvalidWindow(values.Length, windowSize);
        int windows = values.Length - windowSize + 1;
        if (destination.Length < windows)
        {
            ThrowDestinationTooShort(nameof(destination), destination.Length, windows);
        }

        ComputeInt32(values, windowSize, destination[..windows]);
        return windows;
    }

    public static T[] Maxima<T>(ReadOnlySpan<T> values, int windowSize, IComparer<T>? comparer)
    {
        ThrowIfInvalidWindow(values.Length, windowSize);
        var maxima = new T[values.Length - windowSize + 1];
        if (typeof(T).IsValueType && (comparer is null || comparer == Comparer<T>.Default))
        {
            // A struct comparer lets the JIT devirtualize and inline the default comparison of a value type.
            ComputeBlocks(values, windowSize, maxima, default(SlidingWindowMaxDefaultComparer<T>));
        }
        else
        {
            ComputeBlocks(values, windowSize, maxima, comparer ?? Comparer<T>.Default);
        }

        return maxima;
    }

    private static void ComputeInt32(ReadOnlySpan<int> values, int windowSize, Span<int> maxima)
    {
        Debug.Assert(maxima.Length == values.Length - windowSize + 1, "One maximum per window.");
        if (windowSize == 1)
        {
            values.CopyTo(maxima);
        }
        else if (Vector256.IsHardwareAccelerated && maxima.Length >= Vector256<int>.Count)
        {
            if (windowSize <= DirectWindowLimit)
            {
                ComputeDirect256(values, windowSize, maxima);
            }
            else
            {
                ComputeBlocks256(values, windowSize, maxima);
            }
        }
        else if (Vector128.IsHardwareAccelerated && maxima.Length >= Vector128<int>.Count)
        {
            if (windowSize <= DirectWindowLimit)
            {
                ComputeDirect128(values, windowSize, maxima);
            }
            else
            {
                ComputeBlocks128(values, windowSize, maxima);
            }
        }
        else
        {
            ComputeBlocks(values, windowSize, maxima, default(SlidingWindowMaxDefaultComparer<int>));
        }
    }

    // Up to this window size, the maximum of windowSize shifted vector loads beats two scans with shuffles.
    private const int DirectWindowLimit = 8;

    /// <summary>The scalar van Herk / Gil-Werman algorithm, for any type and comparer.</summary>
    private static void ComputeBlocks<T, TComparer>(ReadOnlySpan<T> values, int windowSize, Span<T> maxima, TComparer comparer)
        where TComparer : IComparer<T>
    {
        int length = values.Length;
        int windows = maxima.Length;
        for (int blockStart = 0; blockStart < windows; blockStart += windowSize)
        {
            // Suffix maxima of the block, kept for the windows that start in it: windowSize - 1 comparisons.
            // The block always lies inside the values: it starts at or before the last window's start.
            ReadOnlySpan<T> block = values.Slice(blockStart, windowSize);
            Span<T> starts = maxima.Slice(blockStart, Math.Min(windowSize, windows - blockStart));
            T suffix = block[^1];
            for (int i = block.Length - 1; ; i--)
            {
                if (i < starts.Length)
                {
                    starts[i] = suffix;
                }

                if (i == 0)
                {
                    break;
                }

                suffix = Larger(block[i - 1], suffix, comparer);
            }

            // The window starting at blockStart + t (t >= 1) ends at nextStart + t - 1, in the next block:
            // combine its suffix maximum with the next block's prefix maximum up to there. Two comparisons
            // per window, one fewer for the first.
            int nextStart = blockStart + windowSize;
            int crossing = Math.Min(windowSize - 1, length - nextStart);
            if (crossing > 0)
            {
                ReadOnlySpan<T> next = values.Slice(nextStart, crossing);
                Span<T> crossed = maxima.Slice(blockStart + 1, crossing);
                T prefix = next[0];
                crossed[0] = Larger(crossed[0], prefix, comparer);
                for (int t = 1; t < next.Length; t++)
                {
                    prefix = Larger(prefix, next[t], comparer);
                    crossed[t] = Larger(crossed[t], prefix, comparer);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Larger<T, TComparer>(T first, T second, TComparer comparer)
        where TComparer : IComparer<T> =>
        comparer.Compare(first, second) >= 0 ? first : second;

    /// <summary>Small windows: each vector of maxima is the maximum of windowSize shifted loads.</summary>
    private static void ComputeDirect256(ReadOnlySpan<int> values, int windowSize, Span<int> maxima)
    {
        ref int source = ref MemoryMarshal.GetReference(values);
        ref int destination = ref MemoryMarshal.GetReference(maxima);
        int last = maxima.Length - Vector256<int>.Count;
        for (int start = 0; ; start += Vector256<int>.Count)
        {
            // The last vector overlaps the one before instead of falling back to scalar code.
            start = Math.Min(start, last);
            Vector256<int> maximum = Vector256.LoadUnsafe(ref source, (nuint)start);
            for (int offset = 1; offset < windowSize; offset++)
            {
                maximum = Vector256.Max(maximum, Vector256.LoadUnsafe(ref source, (nuint)(start + offset)));
            }

            maximum.StoreUnsafe(ref destination, (nuint)start);
            if (start == last)
            {
                break;
            }
        }
    }

    /// <summary>The van Herk / Gil-Werman algorithm with both scans on 256-bit vectors.</summary>
    private static void ComputeBlocks256(ReadOnlySpan<int> values, int windowSize, Span<int> maxima)
    {
        int length = values.Length;
        int windows = maxima.Length;
        for (int blockStart = 0; blockStart < windows; blockStart += windowSize)
        {
            SuffixMaxima256(values.Slice(blockStart, windowSize), maxima.Slice(blockStart, Math.Min(windowSize, windows - blockStart)));

            // Unlike the scalar version, also combine the window that starts at nextStart when it exists:
            // it rounds the scan up to whole vectors for common window sizes, and the next block's suffix
            // pass overwrites that element anyway.
            int nextStart = blockStart + windowSize;
            int crossing = Math.Min(windowSize, length - nextStart);
            if (crossing > 0)
            {
                CombinePrefixMaxima256(values.Slice(nextStart, crossing), maxima.Slice(blockStart + 1, crossing));
            }
        }
    }

    /// <summary>Writes into <paramref name="starts"/>[i] the maximum of <paramref name="block"/>[i..], for every i it holds.</summary>
    private static void SuffixMaxima256(ReadOnlySpan<int> block, Span<int> starts)
    {
        ref int source = ref MemoryMarshal.GetReference(block);
        ref int destination = ref MemoryMarshal.GetReference(starts);
        int stored = starts.Length;
        var carry = Vector256.Create(int.MinValue);
        int start = block.Length - Vector256<int>.Count;
        for (; start >= 0; start -= Vector256<int>.Count)
        {
            Vector256<int> suffix = Vector256.Max(SuffixScan(Vector256.LoadUnsafe(ref source, (nuint)start)), carry);
            carry = Vector256.Create(suffix.ToScalar());
            if (start + Vector256<int>.Count <= stored)
            {
                suffix.StoreUnsafe(ref destination, (nuint)start);
            }
            else
            {
                for (int lane = 0; start + lane < stored; lane++)
                {
                    Unsafe.Add(ref destination, start + lane) = suffix.GetElement(lane);
                }
            }
        }

        // The first block.Length % 8 values, in scalar code.
        int running = carry.ToScalar();
        for (int i = start + Vector256<int>.Count - 1; i >= 0; i--)
        {
            running = Math.Max(running, Unsafe.Add(ref source, i));
            if (i < stored)
            {
                Unsafe.Add(ref destination, i) = running;
            }
        }
    }

    /// <summary>Raises <paramref name="crossed"/>[t] to the maximum of <paramref name="next"/>[..(t + 1)], for every t.</summary>
    private static void CombinePrefixMaxima256(ReadOnlySpan<int> next, Span<int> crossed)
    {
        Debug.Assert(next.Length == crossed.Length, "One prefix per crossing window.");
        ref int source = ref MemoryMarshal.GetReference(next);
        ref int destination = ref MemoryMarshal.GetReference(crossed);
        var carry = Vector256.Create(int.MinValue);
        int t = 0;
        for (; t <= next.Length - Vector256<int>.Count; t += Vector256<int>.Count)
        {
            Vector256<int> prefix = Vector256.Max(PrefixScan(Vector256.LoadUnsafe(ref source, (nuint)t)), carry);
            carry = Vector256.Create(prefix.GetElement(Vector256<int>.Count - 1));
            Vector256.Max(Vector256.LoadUnsafe(ref destination, (nuint)t), prefix).StoreUnsafe(ref destination, (nuint)t);
        }

        int running = carry.ToScalar();
        for (; t < next.Length; t++)
        {
            running = Math.Max(running, Unsafe.Add(ref source, t));
            ref int window = ref Unsafe.Add(ref destination, t);
            window = Math.Max(window, running);
        }
    }

    /// <summary>Lane i becomes the maximum of lanes i to 7: three shift-and-max steps (1, 2, 4 lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> SuffixScan(Vector256<int> vector)
    {
        // Lanes past the end repeat lane 7 instead of a neutral value: max is idempotent, so it does no harm.
        vector = Vector256.Max(vector, Vector256.Shuffle(vector, Vector256.Create(1, 2, 3, 4, 5, 6, 7, 7)));
        vector = Vector256.Max(vector, Vector256.Shuffle(vector, Vector256.Create(2, 3, 4, 5, 6, 7, 7, 7)));
        return Vector256.Max(vector, Vector256.Shuffle(vector, Vector256.Create(4, 5, 6, 7, 7, 7, 7, 7)));
    }

    /// <summary>Lane i becomes the maximum of lanes 0 to i: three shift-and-max steps (1, 2, 4 lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> PrefixScan(Vector256<int> vector)
    {
        vector = Vector256.Max(vector, Vector256.Shuffle(vector, Vector256.Create(0, 0, 1, 2, 3, 4, 5, 6)));
        vector = Vector256.Max(vector, Vector256.Shuffle(vector, Vector256.Create(0, 0, 0, 1, 2, 3, 4, 5)));
        return Vector256.Max(vector, Vector256.Shuffle(vector, Vector256.Create(0, 0, 0, 0, 0, 1, 2, 3)));
    }

    /// <summary>As <see cref="ComputeDirect256"/>, on 128-bit vectors (Arm64, older x64).</summary>
    private static void ComputeDirect128(ReadOnlySpan<int> values, int windowSize, Span<int> maxima)
    {
        ref int source = ref MemoryMarshal.GetReference(values);
        ref int destination = ref MemoryMarshal.GetReference(maxima);
        int last = maxima.Length - Vector128<int>.Count;
        for (int start = 0; ; start += Vector128<int>.Count)
        {
            start = Math.Min(start, last);
            Vector128<int> maximum = Vector128.LoadUnsafe(ref source, (nuint)start);
            for (int offset = 1; offset < windowSize; offset++)
            {
                maximum = Vector128.Max(maximum, Vector128.LoadUnsafe(ref source, (nuint)(start + offset)));
            }

            maximum.StoreUnsafe(ref destination, (nuint)start);
            if (start == last)
            {
                break;
            }
        }
    }

    /// <summary>As <see cref="ComputeBlocks256"/>, on 128-bit vectors (Arm64, older x64).</summary>
    private static void ComputeBlocks128(ReadOnlySpan<int> values, int windowSize, Span<int> maxima)
    {
        int length = values.Length;
        int windows = maxima.Length;
        for (int blockStart = 0; blockStart < windows; blockStart += windowSize)
        {
            ReadOnlySpan<int> block = values.Slice(blockStart, windowSize);
            Span<int> starts = maxima.Slice(blockStart, Math.Min(windowSize, windows - blockStart));
            ref int source = ref MemoryMarshal.GetReference(block);
            ref int destination = ref MemoryMarshal.GetReference(starts);
            var carry = Vector128.Create(int.MinValue);
            int start = block.Length - Vector128<int>.Count;
            for (; start >= 0; start -= Vector128<int>.Count)
            {
                Vector128<int> suffix = Vector128.Max(SuffixScan(Vector128.LoadUnsafe(ref source, (nuint)start)), carry);
                carry = Vector128.Create(suffix.ToScalar());
                if (start + Vector128<int>.Count <= starts.Length)
                {
                    suffix.StoreUnsafe(ref destination, (nuint)start);
                }
                else
                {
                    for (int lane = 0; start + lane < starts.Length; lane++)
                    {
                        Unsafe.Add(ref destination, start + lane) = suffix.GetElement(lane);
                    }
                }
            }

            int running = carry.ToScalar();
            for (int i = start + Vector128<int>.Count - 1; i >= 0; i--)
            {
                running = Math.Max(running, Unsafe.Add(ref source, i));
                if (i < starts.Length)
                {
                    Unsafe.Add(ref destination, i) = running;
                }
            }

            int nextStart = blockStart + windowSize;
            int crossing = Math.Min(windowSize, length - nextStart);
            if (crossing <= 0)
            {
                continue;
            }

            source = ref MemoryMarshal.GetReference(values.Slice(nextStart, crossing));
            destination = ref MemoryMarshal.GetReference(maxima.Slice(blockStart + 1, crossing));
            carry = Vector128.Create(int.MinValue);
            int t = 0;
            for (; t <= crossing - Vector128<int>.Count; t += Vector128<int>.Count)
            {
                Vector128<int> prefix = Vector128.Max(PrefixScan(Vector128.LoadUnsafe(ref source, (nuint)t)), carry);
                carry = Vector128.Create(prefix.GetElement(Vector128<int>.Count - 1));
                Vector128.Max(Vector128.LoadUnsafe(ref destination, (nuint)t), prefix).StoreUnsafe(ref destination, (nuint)t);
            }

            running = carry.ToScalar();
            for (; t < crossing; t++)
            {
                running = Math.Max(running, Unsafe.Add(ref source, t));
                ref int window = ref Unsafe.Add(ref destination, t);
                window = Math.Max(window, running);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> SuffixScan(Vector128<int> vector)
    {
        vector = Vector128.Max(vector, Vector128.Shuffle(vector, Vector128.Create(1, 2, 3, 3)));
        return Vector128.Max(vector, Vector128.Shuffle(vector, Vector128.Create(2, 3, 3, 3)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> PrefixScan(Vector128<int> vector)
    {
        vector = Vector128.Max(vector, Vector128.Shuffle(vector, Vector128.Create(0, 0, 1, 2)));
        return Vector128.Max(vector, Vector128.Shuffle(vector, Vector128.Create(0, 0, 0, 1)));
    }

    private static void ThrowIfInvalidWindow(int length, int windowSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(windowSize, length);
    }

    [DoesNotReturn]
    private static void ThrowDestinationTooShort(string paramName, int length, int windows) =>
        throw new ArgumentException($"The destination holds {length} elements, but there are {windows} windows.", paramName);
}

/// <summary>
/// <see cref="Comparer{T}.Default"/> as a struct: a generic method specialized for it calls the value type's
/// own comparison directly, without an interface call.
/// </summary>
/// <typeparam name="T">The type compared.</typeparam>
internal readonly struct SlidingWindowMaxDefaultComparer<T> : IComparer<T>
{
    public int Compare(T? x, T? y) => Comparer<T>.Default.Compare(x!, y!);
}
