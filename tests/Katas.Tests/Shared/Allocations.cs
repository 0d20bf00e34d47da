namespace Katas.Tests;

/// <summary>
/// Measures what the test's own thread allocates, for the tests that claim a structure allocates nothing in
/// steady state.
/// </summary>
public static class Allocations
{
    /// <summary>How many times <see cref="Fewest"/> runs the work.</summary>
    public const int Runs = 3;

    /// <summary>
    /// Runs <paramref name="work"/> <see cref="Runs"/> times and returns the fewest bytes the current thread
    /// allocated in one run.
    /// </summary>
    /// <remarks>
    /// The runtime itself now and then allocates on the thread that runs the code: when a loop that has run
    /// long is compiled again, optimised, in the middle of a call, or a type is loaded on first use. That
    /// happens in one run at most, while a structure that allocates per operation allocates in every run, so
    /// the fewest is the structure's own figure.
    /// </remarks>
    /// <param name="work">The operations measured, which can run again and again with the same effect.</param>
    /// <returns>The fewest bytes allocated by one run.</returns>
    public static long Fewest(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        long fewest = long.MaxValue;
        for (int run = 0; run < Runs; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            work();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }
}
