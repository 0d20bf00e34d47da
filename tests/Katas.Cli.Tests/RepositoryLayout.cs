using Katas.Catalogue;

namespace Katas.Cli.Tests;

/// <summary>The layout of the checkout these tests run in.</summary>
internal static class RepositoryLayout
{
    /// <summary>Gets the layout of the repository that holds the test assembly.</summary>
    public static KataLayout Current { get; } = KataLayout.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {KataLayout.SolutionFileName} above {AppContext.BaseDirectory}.");

    /// <summary>
    /// Gets the repository with a state folder of the tests' own (<c>.kata/cli-tests</c>): the tests' checks
    /// prepare their builds and run in folders apart from the learner's, and every test process they start can
    /// be found by that folder in its command line.
    /// </summary>
    public static KataLayout ForChecks { get; } = Current with { StateFolder = Path.Combine(Current.Root, ".kata", "cli-tests") };

    /// <summary>
    /// Gets the repository for checks, with the learner's own folders (attempts, practice copies, the progress file)
    /// in a folder of the test's, so that a test starts as a new learner does and touches no one's work.
    /// </summary>
    /// <param name="folder">The test's folder.</param>
    /// <returns>The layout.</returns>
    public static KataLayout ForLearner(string folder) => ForChecks with
    {
        AttemptsFolder = Path.Combine(folder, "attempts"),
        PracticeFolder = Path.Combine(folder, "practice"),
        ProgressFile = Path.Combine(folder, ".kata-state.json"),
    };
}
