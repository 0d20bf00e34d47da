using Katas.Catalogue;

namespace Katas.Cli.Tests;

/// <summary>The layout of the checkout these tests run in.</summary>
internal static class RepositoryLayout
{
    /// <summary>Gets the layout of the repository that holds the test assembly.</summary>
    public static KataLayout Current { get; } = KataLayout.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {KataLayout.SolutionFileName} above {AppContext.BaseDirectory}.");
}
