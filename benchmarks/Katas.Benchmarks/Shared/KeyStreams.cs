namespace Katas.Benchmarks;

/// <summary>The key distributions the cache katas are measured on.</summary>
public enum KeyDistribution
{
    /// <summary>Zipf with skew 0.86 over 2,000 keys: a few keys are hot, as in real traffic.</summary>
    Zipf,

    /// <summary>Every one of 2,000 keys equally likely: about half the gets miss at capacity 1,000.</summary>
    Uniform,

    /// <summary>500 keys, all of which fit: after warm-up every get hits.</summary>
    AllHits,
}

/// <summary>
/// Fixed, pre-generated cache workloads: a seeded stream of operations, 80 % "get, then put on a miss"
/// and 20 % "put". A put is stored as the bitwise complement of its key, so one int holds one operation.
/// </summary>
public static class KeyStreams
{
    /// <summary>The capacity every cache is created with.</summary>
    public const int Capacity = 1_000;

    /// <summary>The number of operations in a stream.</summary>
    public const int Length = 1 << 16;

    /// <summary>The Zipf skew of <see cref="KeyDistribution.Zipf"/>.</summary>
    public const double ZipfSkew = 0.86;

    /// <summary>Builds the operation stream of a distribution; the same distribution always gives the same stream.</summary>
    /// <param name="distribution">The key distribution.</param>
    /// <returns><see cref="Length"/> operations: a key to get, or the complement of a key to put.</returns>
    public static int[] Operations(KeyDistribution distribution)
    {
        var random = new Random(20261123);
        Func<int> nextKey = distribution switch
        {
            KeyDistribution.Zipf => ZipfSampler(2 * Capacity, ZipfSkew, random),
            KeyDistribution.Uniform => () => random.Next(2 * Capacity),
            KeyDistribution.AllHits => () => random.Next(Capacity / 2),
            _ => throw new ArgumentOutOfRangeException(nameof(distribution)),
        };

        var operations = new int[Length];
        for (int i = 0; i < operations.Length; i++)
        {
            int key = nextKey();
            operations[i] = random.Next(100) < 80 ? key : ~key;
        }

        return operations;
    }

    private static Func<int> ZipfSampler(int keys, double skew, Random random)
    {
        // The cumulative distribution of P(rank k) proportional to 1 / k^skew, sampled by binary search.
        var cumulative = new double[keys];
        double total = 0;
        for (int rank = 0; rank < keys; rank++)
        {
            total += 1 / Math.Pow(rank + 1, skew);
            cumulative[rank] = total;
        }

        return () =>
        {
            int index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return index >= 0 ? index : ~index;
        };
    }
}
