using System.CommandLine;
using Katas.Catalogue;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary><c>hint &lt;slug&gt;</c>: reveals the next hint of a kata, one at a time, and remembers how many were shown.</summary>
internal static class HintCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.SlugArgument();
        var again = new Option<bool>("--again")
        {
            Description = "Show the hints already revealed, without revealing a new one.",
        };
        var command = new Command("hint", "Reveal the next hint of a kata (one at a time; they go from a nudge to the key invariant).")
        {
            slug, again,
        };
        command.SetAction(parsed => Run(context, parsed.GetValue(slug)!, parsed.GetValue(again)));
        return command;
    }

    private static int Run(CommandContext context, Kata kata, bool againOnly)
    {
        var hints = Hints.Parse(File.ReadAllText(context.Layout.HintsFile(kata))).OrderBy(stage => stage.Key).SelectMany(stage => stage.Value).ToList();
        var store = context.LoadProgress();
        var progress = store.For(kata.Slug);
        int revealed = Math.Min(progress.HintsTaken, hints.Count);
        if (!againOnly && revealed < hints.Count)
        {
            revealed++;
            progress.HintsTaken = revealed;
            store.Save();
        }

        if (revealed == 0)
        {
            context.Console.MarkupLineInterpolated($"No hint revealed yet. Run ./kata hint {kata.Slug} to see the first of {hints.Count}.");
            return ExitCodes.Success;
        }

        int first = againOnly ? 1 : revealed;
        for (int number = first; number <= revealed; number++)
        {
            var panel = new Panel(new Text(hints[number - 1]))
                .Header($"{kata.Title}: hint {number} of {hints.Count}")
                .Border(BoxBorder.Rounded);
            context.Console.Write(panel);
        }

        context.Console.MarkupLine(revealed < hints.Count
            ? $"[grey]{hints.Count - revealed} more; run the same command for the next one. ./kata hint {kata.Slug} --again shows these again.[/]"
            : "[grey]That was the last hint. The reference solution unlocks once your attempt passes (./kata solution).[/]");
        return ExitCodes.Success;
    }
}
