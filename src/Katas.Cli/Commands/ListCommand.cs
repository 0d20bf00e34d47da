using System.CommandLine;
using System.Globalization;
using Katas.Catalogue;
using Katas.Cli.Progress;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary><c>list</c>: the board of every kata, its difficulty and how far the learner's attempt has come.</summary>
internal static class ListCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var cached = new Option<bool>("--cached")
        {
            Description = "Show the last known status of each kata without checking attempts that changed since.",
        };
        var command = new Command("list", "Show the board: every kata, its difficulty and the stage your attempt has reached.") { cached };
        command.SetAction(async (parsed, cancellationToken) =>
            await RunAsync(context, parsed.GetValue(cached), cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, bool cachedOnly, CancellationToken cancellationToken)
    {
        // An untouched stub needs no build to be known as not started.
        var started = KataCatalogue.All.Where(kata => !context.Files.IsUntouched(kata)).ToHashSet();
        if (!cachedOnly)
        {
            await RefreshStaleAsync(context, started, cancellationToken).ConfigureAwait(false);
        }

        var progress = context.LoadProgress();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("#").AddColumn("Kata").AddColumn("Track").AddColumn("Difficulty").AddColumn("Status").AddColumn("Hints");
        int solved = 0;
        for (int index = 0; index < KataCatalogue.All.Count; index++)
        {
            var kata = KataCatalogue.All[index];
            var state = progress.For(kata.Slug);
            bool untouched = !started.Contains(kata);
            int stages = context.Layout.Stages(kata).Count;
            solved += !untouched && IsSolved(state, stages) ? 1 : 0;
            int hintCount = Hints.Parse(File.ReadAllText(context.Layout.HintsFile(kata))).Values.Sum(stage => stage.Count);
            table.AddRow(
                new Text((index + 1).ToString(CultureInfo.InvariantCulture)),
                new Markup($"[bold]{Markup.Escape(kata.Slug)}[/]\n[grey]{Markup.Escape(kata.Title)}[/]"),
                new Text(kata.Track),
                new Text(kata.Difficulty.ToString()),
                new Markup(untouched ? "[grey]not started[/]" : Status(state, stages)),
                new Text($"{state.HintsTaken}/{hintCount}"));
        }

        context.Console.Write(table);
        context.Console.Write(new BreakdownChart().Width(40).AddItem("solved", solved, Color.Green)
            .AddItem("to do", KataCatalogue.All.Count - solved, Color.Grey).HideTagValues());
        context.Console.MarkupLineInterpolated($"[bold]{solved} of {KataCatalogue.All.Count}[/] katas solved.");
        if (Next(context, progress, started) is { } next)
        {
            string attempt = context.Relative(context.Files.Ensure(next));
            context.Console.MarkupLineInterpolated(
                $"Next: [bold]{next.Slug}[/]. Read {context.Relative(context.Layout.InstructionsFile(next))}, write your answer in {attempt}, then ./kata check {next.Slug} (or ./kata watch).");
        }
        else
        {
            context.Console.MarkupLine("[green bold]Every kata is solved.[/] ./kata practice puts you against the clock on the one most due for review.");
        }

        return ExitCodes.Success;
    }

    /// <summary>Gets the kata to work on next: the first one started and not solved, else the first not started.</summary>
    /// <param name="context">What verbs share.</param>
    /// <param name="progress">The learner's progress.</param>
    /// <param name="started">The katas whose attempt is no longer the stub.</param>
    /// <returns>The kata, or <see langword="null"/> when every kata is solved.</returns>
    public static Kata? Next(CommandContext context, ProgressStore progress, IReadOnlySet<Kata> started) =>
        KataCatalogue.All.FirstOrDefault(kata => started.Contains(kata) && !IsSolved(progress.For(kata.Slug), context.Layout.Stages(kata).Count))
        ?? KataCatalogue.All.FirstOrDefault(kata => !started.Contains(kata));

    private static bool IsSolved(KataProgress state, int stages) =>
        state is { AttemptFingerprint: not null, CompileFailed: false } && state.StagesPassed >= stages;

    private static async Task RefreshStaleAsync(CommandContext context, IReadOnlySet<Kata> started, CancellationToken cancellationToken)
    {
        var progress = context.LoadProgress();
        var stale = KataCatalogue.All.Where(started.Contains)
            .Where(kata => progress.For(kata.Slug).AttemptFingerprint != context.Checker.Fingerprint(kata))
            .ToList();
        if (stale.Count == 0)
        {
            return;
        }

        await context.Console.Status().StartAsync("Checking attempts...", async status =>
        {
            foreach (var kata in stale)
            {
                status.Status($"Checking {kata.Slug}...");
                var result = await context.Checker.CheckAsync(kata, null, CheckOptions.Learner, cancellationToken).ConfigureAwait(false);
                context.UpdateProgress(store => context.Checker.Record(store.For(kata.Slug), result));
            }
        }).ConfigureAwait(false);
    }

    private static string Status(KataProgress state, int stages) => state switch
    {
        { AttemptFingerprint: null } => "[grey]not checked[/]",
        { CompileFailed: true } => "[red]does not compile[/]",
        { Total: 0 } => "[red]no test ran[/]",
        _ when state.StagesPassed >= stages => "[green]solved[/]",
        _ => $"[yellow]stage {state.StagesPassed + 1} of {stages}[/]",
    };
}
