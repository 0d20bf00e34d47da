using System.CommandLine;
using System.CommandLine.Parsing;
using Katas.Catalogue;
using Katas.Cli.Progress;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>What every verb needs: the console, the repository, the learner's progress.</summary>
/// <param name="Console">Where to write.</param>
/// <param name="Layout">The repository.</param>
internal sealed record CommandContext(IAnsiConsole Console, KataLayout Layout)
{
    /// <summary>Gets the checker of attempts.</summary>
    public KataChecker Checker { get; } = new(Layout);

    /// <summary>Gets the learner's attempt files: untouched or not, and how to reset them.</summary>
    public AttemptFiles Files { get; } = new(Layout);

    /// <summary>Loads the learner's progress.</summary>
    /// <returns>The store.</returns>
    public ProgressStore LoadProgress() => ProgressStore.Load(Layout.Root);

    /// <summary>Creates the <c>slug</c> argument, which accepts only catalogued katas and suggests the closest otherwise.</summary>
    /// <returns>The argument.</returns>
    public static Argument<Kata> SlugArgument()
    {
        var argument = new Argument<Kata>("slug")
        {
            Description = "The kata, by its slug (see ./kata list), for example lru-cache.",
            HelpName = "slug",
            CustomParser = Parse,
        };
        argument.CompletionSources.Add(KataCatalogue.All.Select(kata => kata.Slug).ToArray());
        return argument;

        static Kata Parse(ArgumentResult result) => FindOrReport(result, result.Tokens.Count > 0 ? result.Tokens[0].Value : "");
    }

    /// <summary>Finds a kata by its slug, or reports an unknown slug on the argument with the closest one.</summary>
    /// <param name="result">The argument being parsed, which receives the error.</param>
    /// <param name="typed">The slug as typed.</param>
    /// <returns>The kata; <see langword="null"/> (reported as a parse error) when it is unknown.</returns>
    public static Kata FindOrReport(ArgumentResult result, string typed)
    {
        if (KataCatalogue.Find(typed) is { } kata)
        {
            return kata;
        }

        result.AddError($"Unknown kata '{typed}'. Did you mean '{KataCatalogue.Closest(typed).Slug}'? (./kata list shows them all)");
        return null!;
    }

    /// <summary>Writes a path relative to the repository root, the way a learner sees it.</summary>
    /// <param name="path">An absolute path.</param>
    /// <returns>The relative path, with forward slashes.</returns>
    public string Relative(string path) => Path.GetRelativePath(Layout.Root, path).Replace('\\', '/');
}
