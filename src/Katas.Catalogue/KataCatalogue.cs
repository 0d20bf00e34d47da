namespace Katas.Catalogue;

/// <summary>
/// The one list of katas. The runner, the tests and the benchmarks find katas here and nowhere else:
/// adding a kata means adding its folders (named <see cref="Kata.Folder"/>) and one entry below.
/// </summary>
public static class KataCatalogue
{
    /// <summary>Gets every kata, in the order the board shows them.</summary>
    public static IReadOnlyList<Kata> All { get; } =
    [
        new(
            Slug: "lru-cache",
            Title: "LRU cache",
            Difficulty: KataDifficulty.Medium,
            Track: "Caching",
            Question: "Explain how you would implement an LRU (Least Recently Used) Cache with a specific capacity. "
                + "What data structures would you use and why?",
            Benchmarked: true),
        new(
            Slug: "lfu-cache",
            Title: "LFU cache",
            Difficulty: KataDifficulty.Hard,
            Track: "Caching",
            Question: "Design a data structure for implementing an efficient least frequently used (LFU) cache.",
            Benchmarked: true),
        new(
            Slug: "min-stack",
            Title: "Min stack",
            Difficulty: KataDifficulty.Easy,
            Track: "Collections",
            Question: "Design a data structure that efficiently implements the minimum stack operations with O(1) time complexity.",
            Benchmarked: true),
        new(
            Slug: "circular-buffer",
            Title: "Circular buffer",
            Difficulty: KataDifficulty.Medium,
            Track: "Concurrency",
            Question: "Implement a circular buffer that can be used in a producer-consumer scenario. "
                + "How would you handle overflow?",
            Benchmarked: true),
        new(
            Slug: "sliding-window-max",
            Title: "Sliding-window maximum",
            Difficulty: KataDifficulty.Hard,
            Track: "Algorithms",
            Question: "Implement a sliding window maximum algorithm that finds the maximum element in all possible windows "
                + "of size k in an array.",
            Benchmarked: true),
        new(
            Slug: "token-bucket",
            Title: "Token-bucket rate limiter",
            Difficulty: KataDifficulty.Hard,
            Track: "Concurrency",
            Question: "Implement a rate limiter using the token bucket algorithm. How would you make it thread-safe?",
            Benchmarked: true),
        new(
            Slug: "bounded-queue",
            Title: "Bounded blocking queue",
            Difficulty: KataDifficulty.Hard,
            Track: "Concurrency",
            Question: "How would you implement a thread-safe producer-consumer queue with a maximum size? "
                + "What considerations are important?",
            Benchmarked: true),
        new(
            Slug: "concurrent-hash-map",
            Title: "Concurrent hash map",
            Difficulty: KataDifficulty.Hard,
            Track: "Concurrency",
            Question: "How would you implement a concurrent hash map from scratch? What synchronization mechanisms would you use?",
            Benchmarked: true),
        new(
            Slug: "randomized-set",
            Title: "Randomized set",
            Difficulty: KataDifficulty.Medium,
            Track: "Collections",
            Question: "Design a data structure that supports insert, delete, and getRandom operations in O(1) time complexity.",
            Benchmarked: true),
        new(
            Slug: "time-map",
            Title: "Time map",
            Difficulty: KataDifficulty.Medium,
            Track: "Collections",
            Question: "Design a time-based key-value store that can store and retrieve values based on timestamps.",
            Benchmarked: true),
    ];

    /// <summary>Finds a kata by its slug, ignoring case.</summary>
    /// <param name="slug">The slug to look for, such as <c>lru-cache</c>.</param>
    /// <returns>The kata, or <see langword="null"/> when no kata has that slug.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="slug"/> is <see langword="null"/>.</exception>
    public static Kata? Find(string slug)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return All.FirstOrDefault(kata => string.Equals(kata.Slug, slug.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Finds the kata whose slug is closest to a mistyped one, by edit distance.</summary>
    /// <param name="input">What the user typed.</param>
    /// <returns>The closest kata; there always is one, since the catalogue is never empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is <see langword="null"/>.</exception>
    public static Kata Closest(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string typed = input.Trim().ToLowerInvariant();
        return All
            .OrderBy(kata => kata.Slug.Contains(typed, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(kata => EditDistance.Between(typed, kata.Slug))
            .First();
    }
}
