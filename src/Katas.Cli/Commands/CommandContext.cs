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
    private bool _damageReported;

    /// <summary>Gets the checker of attempts.</summary>
    public KataChecker Checker { get; } = new(Layout);

    /// <summary>Gets the learner's attempt files: untouched or not, and how to reset them.</summary>
    public AttemptFiles Files { get; } = new(Layout);

    /// <summary>Gets the clock, which tests replace.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Loads the learner's progress, saying once per run when the file was damaged.</summary>
    /// <returns>The store, to read.</returns>
    public ProgressStore LoadProgress() => Reported(ProgressStore.Load(Layout.Root));

    /// <summary>Changes the learner's progress and saves it, safely against another runner saving at the same time.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The store as saved.</returns>
    public ProgressStore UpdateProgress(Action<ProgressStore> change) => Reported(ProgressStore.Update(Layout.Root, change));

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
    public string Relative(string path) => Checker.Relative(path);

    private ProgressStore Reported(ProgressStore store)
    {
        if (store.Damage is { } damage && !_damageReported)
        {
            _damageReported = true;
            Console.MarkupLineInterpolated($"[yellow]{damage}[/]");
        }

        return store;
    }
}
