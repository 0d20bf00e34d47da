using System.Diagnostics;
using System.Globalization;
using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// Proves a complexity bound where no comparer can count the work in a learner's arbitrary code: the same
/// operations, timed on a small structure and on one <see cref="SizeFactor"/> times larger inside one test,
/// compared as the ratio of the best of several runs. The margin is wide: an O(1) design stays well within
/// <see cref="MaxRatio"/> even on a busy machine, while an O(n) design takes about <see cref="SizeFactor"/>
/// times as long. This is the one kind of timing a test here may do; such tests run in
/// <see cref="TimedTests"/>, alone.
/// </summary>
public static class Growth
{
    /// <summary>How many times larger the large structure is.</summary>
    public const int SizeFactor = 64;

    /// <summary>The most the time per operation may grow from the small structure to the large one.</summary>
    public const double MaxRatio = 8;

    // Timed runs at each size; the best of them is what counts, as noise only ever adds time.
    private const int Rounds = 7;

    /// <summary>
    /// Fails unless the same work takes at most <see cref="MaxRatio"/> times as long on a structure
    /// <see cref="SizeFactor"/> times larger.
    /// </summary>
    /// <param name="what">The operation timed, for the message, such as "an evicting AddOrUpdate".</param>
    /// <param name="smallSize">The size of the small structure; the large one is <see cref="SizeFactor"/> times it.</param>
    /// <param name="prepare">
    /// Builds a structure of the given size, outside the timing, and returns the work to time: the same number
    /// of operations whatever the size, which can be run again and again with the same effect.
    /// </param>
    /// <exception cref="XunitException">The time per operation grew by more than <see cref="MaxRatio"/>.</exception>
    public static void ShouldStayFlat(string what, int smallSize, Func<int, Action> prepare) =>
        ShouldStayFlatPerOperation(what, smallSize, size => (prepare(size), 1));

    /// <summary>
    /// Fails unless the time per operation on a structure <see cref="SizeFactor"/> times larger is at most
    /// <see cref="MaxRatio"/> times the time on the small one, where the work at each size may hold a different
    /// number of operations: filling a structure of that size, for example, which is what an amortised bound is about.
    /// </summary>
    /// <param name="what">The operation timed, for the message, such as "a Push".</param>
    /// <param name="smallSize">The size of the small structure; the large one is <see cref="SizeFactor"/> times it.</param>
    /// <param name="prepare">
    /// Sets up, outside the timing, the work for a structure of the given size, which can be run again and again
    /// with the same effect, and says how many operations it makes.
    /// </param>
    /// <exception cref="XunitException">The time per operation grew by more than <see cref="MaxRatio"/>.</exception>
    public static void ShouldStayFlatPerOperation(string what, int smallSize, Func<int, (Action Work, int Operations)> prepare)
    {
        int largeSize = smallSize * SizeFactor;
        var (small, smallOperations) = prepare(smallSize);
        var (large, largeOperations) = prepare(largeSize);

        // Warm up: the first runs include compiling the code on the way.
        small();
        large();
        small();
        large();

        var bestSmall = TimeSpan.MaxValue;
        var bestLarge = TimeSpan.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            bestSmall = Min(bestSmall, Time(small));
            bestLarge = Min(bestLarge, Time(large));
        }

        double ratio = bestLarge.Ticks / (double)largeOperations / (Math.Max(1, bestSmall.Ticks) / (double)smallOperations);
        if (Environment.GetEnvironmentVariable("KATA_GROWTH_LOG") is { Length: > 0 } log)
        {
            // scripts/growth-soak.sh collects every ratio, passing or not, to show how far from the limit they stay.
            File.AppendAllText(log, string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}\t{what}\n"));
        }

        if (ratio > MaxRatio)
        {
            // The work of ShouldStayFlat is one unit at both sizes; only the per-operation form has counts to show.
            string counts = largeOperations == smallOperations
                ? ""
                : string.Create(CultureInfo.InvariantCulture, $" for {largeOperations:N0} operations and {smallOperations:N0}");
            throw new XunitException(string.Create(
                CultureInfo.InvariantCulture,
                $"{what} took {ratio:0.0}x as long per operation on {largeSize:N0} entries as on {smallSize:N0} (best of {Rounds} runs each: "
                + $"{bestLarge.TotalMilliseconds:0.00} ms against {bestSmall.TotalMilliseconds:0.00} ms{counts}). An O(1) operation stays within "
                + $"{MaxRatio:0}x; this grows with the size, as an O(n) scan or shift does (about {SizeFactor}x)."));
        }
    }

    private static TimeSpan Time(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed;
    }

    private static TimeSpan Min(TimeSpan first, TimeSpan second) => first < second ? first : second;
}

/// <summary>
/// The collection of the tests that time work (<see cref="Growth"/>): xunit runs it alone, after the parallel
/// tests, so that other tests do not share the cores while it measures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedTests
{
    /// <summary>The collection's name, for <c>[Collection(TimedTests.Name)]</c>.</summary>
    public const string Name = "Timing";
}
