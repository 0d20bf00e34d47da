using System.CommandLine;
using Katas.Catalogue;
using Katas.Cli.Progress;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary><c>list</c>: the board of every kata, its difficulty and whether the learner's attempt passes.</summary>
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
        var command = new Command("list", "Show the board: every kata, its difficulty and whether your attempt passes.") { cached };
        command.SetAction(async (parsed, cancellationToken) =>
            await RunAsync(context, parsed.GetValue(cached), cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, bool cachedOnly, CancellationToken cancellationToken)
    {
        var progress = context.LoadProgress();

        // An untouched stub needs no build to be known as not started.
        var started = KataCatalogue.All.Where(kata => !context.Files.IsPristine(kata)).ToHashSet();
        if (!cachedOnly)
        {
            await RefreshStaleAsync(context, progress, started, cancellationToken).ConfigureAwait(false);
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("#").AddColumn("Kata").AddColumn("Track").AddColumn("Difficulty").AddColumn("Status").AddColumn("Hints");
        int solved = 0;
        Kata? next = null;
        for (int index = 0; index < KataCatalogue.All.Count; index++)
        {
            var kata = KataCatalogue.All[index];
            var state = progress.For(kata.Slug);
            bool pristine = !started.Contains(kata);
            bool isSolved = !pristine && state.Total > 0 && state.Passed == state.Total;
            solved += isSolved ? 1 : 0;
            next ??= isSolved ? null : kata;
            int hintCount = Hints.Parse(File.ReadAllText(context.Layout.HintsFile(kata))).Values.Sum(stage => stage.Count);
            table.AddRow(
                new Text((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Markup($"[bold]{Markup.Escape(kata.Slug)}[/]\n[grey]{Markup.Escape(kata.Title)}[/]"),
                new Text(kata.Track),
                new Text(kata.Difficulty.ToString()),
                new Markup(pristine ? "[grey]not started[/]" : Status(state)),
                new Text($"{state.HintsTaken}/{hintCount}"));
        }

        context.Console.Write(table);
        context.Console.Write(new BreakdownChart().Width(40).AddItem("solved", solved, Color.Green)
            .AddItem("to do", KataCatalogue.All.Count - solved, Color.Grey).HideTagValues());
        context.Console.MarkupLineInterpolated($"[bold]{solved} of {KataCatalogue.All.Count}[/] katas solved.");
        if (next is not null)
        {
            context.Console.MarkupLineInterpolated(
                $"Next: [bold]{next.Slug}[/]. Read {context.Relative(context.Layout.InstructionsFile(next))}, then ./kata check {next.Slug}");
        }

        return ExitCodes.Success;
    }

    private static async Task RefreshStaleAsync(
        CommandContext context, ProgressStore progress, IReadOnlySet<Kata> started, CancellationToken cancellationToken)
    {
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
                var result = await context.Checker.CheckAsync(kata, null, Running.KataChecker.DefaultTestTimeLimit, cancellationToken)
                    .ConfigureAwait(false);
                context.Checker.Record(progress.For(kata.Slug), result);
                progress.Save();
            }
        }).ConfigureAwait(false);
    }

    private static string Status(KataProgress state) => state switch
    {
        { AttemptFingerprint: null } => "[grey]not checked[/]",
        { CompileFailed: true } => "[red]does not compile[/]",
        { Total: 0 } => "[red]no test ran[/]",
        _ when state.Passed == state.Total => "[green]solved[/]",
        _ => $"[yellow]failing {state.Total - state.Passed} of {state.Total}[/]",
    };
}
