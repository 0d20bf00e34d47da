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
}
