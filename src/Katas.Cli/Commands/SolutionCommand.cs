using System.CommandLine;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Katas.Catalogue;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>solution &lt;slug&gt;</c>: once the attempt passes, shows the reference solution and a unified diff
/// of the learner's attempt against it. Before that it refuses, unless <c>--force</c>.
/// </summary>
internal static class SolutionCommand
{
    private const int Context = 3;

    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.SlugArgument();
        var force = new Option<bool>("--force") { Description = "Show it even though your attempt does not pass yet." };
        var diffOnly = new Option<bool>("--diff") { Description = "Show only the diff, not the whole reference." };
        var command = new Command("solution", "Once your attempt passes: show the reference solution and a diff of your attempt against it.")
        {
            slug, force, diffOnly,
        };
        command.SetAction(parsed => Run(context, parsed.GetValue(slug)!, parsed.GetValue(force), parsed.GetValue(diffOnly)));
        return command;
    }

    private static int Run(CommandContext context, Kata kata, bool force, bool diffOnly)
    {
        var console = context.Console;
        var progress = context.LoadProgress().For(kata.Slug);
        if (!progress.EverSolved && !force)
        {
            console.MarkupLineInterpolated(
                $"[yellow]The reference solution of {kata.Slug} unlocks once your attempt passes.[/] Check it with ./kata check {kata.Slug}, take a hint with ./kata hint {kata.Slug}, or pass --force to look now.");
            return ExitCodes.Failure;
        }

        string reference = context.Layout.SolutionFolder(kata);
        string attempt = context.Layout.ExerciseFolder(kata);
        var files = KataLayout.SourceFiles(reference).Union(KataLayout.SourceFiles(attempt), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string referenceText = ReadOrEmpty(Path.Combine(reference, file));
            string attemptText = ReadOrEmpty(Path.Combine(attempt, file));
            if (!diffOnly && referenceText.Length > 0)
            {
                console.Write(new Rule($"[bold]reference: {Markup.Escape(context.Relative(Path.Combine(reference, file)))}[/]").LeftJustified());
                console.WriteLine(referenceText);
            }

            console.Write(new Rule($"[bold]diff: {Markup.Escape(file)}[/] [red]- reference[/] [green]+ your attempt[/]").LeftJustified());
            WriteUnifiedDiff(console, referenceText, attemptText);
        }

        return ExitCodes.Success;
    }

    /// <summary>Writes the lines that differ, with <see cref="Context"/> unchanged lines around each change.</summary>
    private static void WriteUnifiedDiff(IAnsiConsole console, string before, string after)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, ignoreWhitespace: false).Lines;
        var show = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (int j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    show[j] = true;
                }
            }
        }

        if (!show.Contains(true))
        {
            console.MarkupLine("[grey](identical)[/]");
            return;
        }

        for (int i = 0; i < lines.Count; i++)
        {
            if (!show[i])
            {
                if (i > 0 && show[i - 1])
                {
                    console.MarkupLine("[grey]...[/]");
                }

                continue;
            }

            var (prefix, colour) = lines[i].Type switch
            {
                ChangeType.Deleted => ("-", "red"),
                ChangeType.Inserted => ("+", "green"),
                _ => (" ", "default"),
            };
            console.MarkupLineInterpolated($"[{colour}]{prefix} {lines[i].Text}[/]");
        }
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
}
