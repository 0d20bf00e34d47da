using System.CommandLine;
using Katas.Catalogue;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>hint &lt;slug&gt;</c>: reveals the next hint of the stage the learner is on (the first stage their last check
/// did not pass), one at a time, and remembers how many were shown; during a timed practice each one counts
/// against the try.
/// </summary>
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
        var stageOption = new Option<int?>("--stage")
        {
            Description = "Take the hints of this stage instead of the one you are on.",
        };
        var command = new Command("hint", "Reveal the next hint of the stage you are on (one at a time; they go from a nudge to the key invariant).")
        {
            slug, again, stageOption,
        };
        command.SetAction(parsed => Run(context, parsed.GetValue(slug)!, parsed.GetValue(again), parsed.GetValue(stageOption)));
        return command;
    }

    private static int Run(CommandContext context, Kata kata, bool againOnly, int? chosenStage)
    {
        var stages = context.Layout.Stages(kata);
        var hints = Hints.Parse(File.ReadAllText(context.Layout.HintsFile(kata)));
        var progress = context.LoadProgress().For(kata.Slug);
        int stage = chosenStage ?? Math.Min(progress.StagesPassed + 1, stages.Count);
        if (!hints.TryGetValue(stage, out var stageHints) || stageHints.Count == 0)
        {
            context.Console.MarkupLineInterpolated($"[red]{kata.Slug} has no hints for stage {stage}.[/] Its stages are 1 to {stages.Count}.");
            return ExitCodes.UsageError;
        }

        int revealed = Math.Min(progress.HintsByStage.GetValueOrDefault(stage), stageHints.Count);
        if (!againOnly && revealed < stageHints.Count)
        {
            revealed++;
            int shown = revealed;
            context.UpdateProgress(store =>
            {
                var saved = store.For(kata.Slug);
                saved.HintsByStage[stage] = Math.Max(saved.HintsByStage.GetValueOrDefault(stage), shown);
                if (saved.Practice is { } practice)
                {
                    practice.HintsTaken++;
                }
            });
        }

        string title = stages.FirstOrDefault(candidate => candidate.Number == stage)?.Title ?? "";
        if (revealed == 0)
        {
            context.Console.MarkupLineInterpolated($"No hint of stage {stage} revealed yet. Run ./kata hint {kata.Slug} to see the first of {stageHints.Count}.");
            return ExitCodes.Success;
        }

        int first = againOnly ? 1 : revealed;
        for (int number = first; number <= revealed; number++)
        {
            var panel = new Panel(new Text(stageHints[number - 1]))
                .Header($"{kata.Title}, stage {stage} ({title}): hint {number} of {stageHints.Count}")
                .Border(BoxBorder.Rounded);
            context.Console.Write(panel);
        }

        context.Console.MarkupLine(revealed < stageHints.Count
            ? $"[grey]{stageHints.Count - revealed} more for this stage; run the same command for the next one. ./kata hint {kata.Slug} --again shows these again.[/]"
            : "[grey]That was the last hint of this stage. The answers unlock once your attempt passes every stage (./kata solution).[/]");
        return ExitCodes.Success;
    }
}
