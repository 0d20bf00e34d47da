namespace Katas.Tests;

/// <summary>
/// How many rounds the randomised concurrency tests run. Full unless the environment variable
/// <c>KATAS_TEST_EFFORT</c> is <c>quick</c>, which scripts/mutation.sh sets: a mutation run reruns the covering
/// tests once per mutant, and a fifth of the rounds keeps it within minutes. Fewer rounds can only let a broken
/// mutant survive, never fail a correct solution, so a quick mutation score is a lower bound.
/// </summary>
internal static class TestEffort
{
    private static readonly bool Quick =
        string.Equals(Environment.GetEnvironmentVariable("KATAS_TEST_EFFORT"), "quick", StringComparison.OrdinalIgnoreCase);

    /// <summary>The number of rounds to run for a test that runs <paramref name="full"/> rounds normally.</summary>
    public static int Rounds(int full) => Quick ? Math.Max(1, full / 5) : full;
}
