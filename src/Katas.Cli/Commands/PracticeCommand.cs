using System.CommandLine;
using Katas.Catalogue;
using Katas.Cli.Progress;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>practice [slug]</c>: a kata under interview conditions. A fresh copy of the stub goes into
/// <c>practice/&lt;Kata&gt;</c> (the learner's own attempt is left alone), a timer starts, and <c>check</c> and
/// <c>watch</c> judge the practice copy until every stage passes or the try is stopped. Each try is recorded:
/// time to green per stage, hints taken, whether the time ran out; the schedule of reviews follows from them,
/// and <c>practice</c> without a slug takes the kata most overdue, or the next one never practised.
/// </summary>
internal static class PracticeCommand
{
    /// <summary>The time a try may take by default: an interview's coding slot.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(45);

    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.OptionalSlugArgument("The kata to practise; without one, the kata most due for review, or the next one never practised.");
        var minutes = new Option<int>("--minutes")
        {
            Description = "How long the try may take.",
            DefaultValueFactory = _ => (int)DefaultTimeLimit.TotalMinutes,
        };
        var stop = new Option<bool>("--stop") { Description = "Give up the practice under way; it counts as not solved." };
        var noWatch = new Option<bool>("--no-watch") { Description = "Start the practice without watching it (check it with ./kata check)." };
        var resetHistory = new Option<bool>("--reset-history") { Description = "Forget every practice try and the schedule of reviews." };
        var command = new Command("practice", "Solve a kata again from a fresh stub against the clock (45 minutes by default), with spaced review of what is due.")
        {
            slug, minutes, stop, noWatch, resetHistory,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            if (parsed.GetValue(resetHistory))
            {
                context.UpdateProgress(store => store.ForgetHistory());
                context.Console.MarkupLine("Forgot every practice try and the schedule of reviews; your attempts and hints are kept.");
                return ExitCodes.Success;
            }

            return parsed.GetValue(stop)
                ? Stop(context)
                : await StartAsync(context, parsed.GetValue(slug), TimeSpan.FromMinutes(Math.Max(1, parsed.GetValue(minutes))), !parsed.GetValue(noWatch), cancellationToken)
                    .ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Gets the kata whose practice is under way, if any.</summary>
    /// <param name="progress">The learner's progress.</param>
    /// <returns>The kata, or <see langword="null"/>.</returns>
    public static Kata? UnderWay(ProgressStore progress) => KataCatalogue.All.FirstOrDefault(kata => progress.For(kata.Slug).Practice is not null);

    /// <summary>Picks the kata to practise: the most overdue, else the first never practised.</summary>
    /// <param name="progress">The learner's progress.</param>
    /// <param name="now">Now.</param>
    /// <returns>The kata, or <see langword="null"/> when every kata has been practised and none is due.</returns>
    public static Kata? Due(ProgressStore progress, DateTimeOffset now) =>
        KataCatalogue.All
            .Select(kata => (Kata: kata, Review: ReviewSchedule.Of(progress.For(kata.Slug).Tries)))
            .Where(candidate => candidate.Review.Due is { } due && due <= now)
            .OrderBy(candidate => candidate.Review.Due)
            .Select(candidate => candidate.Kata)
            .FirstOrDefault()
        ?? KataCatalogue.All.FirstOrDefault(kata => progress.For(kata.Slug).Tries.Count == 0);

    private static async Task<int> StartAsync(CommandContext context, Kata? chosen, TimeSpan limit, bool watch, CancellationToken cancellationToken)
    {
        var console = context.Console;
        var progress = context.LoadProgress();
        var now = context.Time.GetUtcNow();
        if (UnderWay(progress) is { } current)
        {
            if (chosen is not null && chosen != current)
            {
                console.MarkupLineInterpolated(
                    $"[yellow]A practice of {current.Slug} is under way.[/] Finish it, or give it up with ./kata practice --stop, before you start {chosen.Slug}.");
                return ExitCodes.UsageError;
            }

            console.MarkupLineInterpolated($"Back to the practice of [bold]{current.Slug}[/]: {PracticeReport.Timer(progress.For(current.Slug).Practice!, now)}.");
            return watch && console.Profile.Capabilities.Interactive
                ? await WatchCommand.RunAsync(context, current, followBoard: false, cancellationToken).ConfigureAwait(false)
                : ExitCodes.Success;
        }

        var kata = chosen ?? Due(progress, now);
        if (kata is null)
        {
            var next = KataCatalogue.All.MinBy(candidate => ReviewSchedule.Of(progress.For(candidate.Slug).Tries).Due)!;
            console.MarkupLineInterpolated(
                $"Nothing is due. {next.Slug} comes next, {PracticeReport.Due(ReviewSchedule.Of(progress.For(next.Slug).Tries).Due!.Value, now)}; ./kata practice {next.Slug} starts it now.");
            return ExitCodes.Success;
        }

        string folder = context.Layout.PracticeAttemptFolder(kata);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach (string file in KataLayout.SourceFiles(context.Layout.ExerciseFolder(kata)))
        {
            File.Copy(Path.Combine(context.Layout.ExerciseFolder(kata), file), Path.Combine(folder, file));
        }

        context.UpdateProgress(store => store.For(kata.Slug).Practice = new PracticeTry { Started = now, TimeLimit = limit });
        var files = KataLayout.SourceFiles(folder);
        string first = files.Count > 0 ? files[0] : "";
        console.MarkupLineInterpolated(
            $"[bold]Practice: {kata.Title}[/] ({kata.Slug}), {PracticeReport.Duration(limit)} from now. Write it in {context.Relative(Path.Combine(folder, first))}, a fresh copy of the stub;");
        console.MarkupLineInterpolated(
            $"your own attempt in {context.Relative(context.Layout.AttemptFolder(kata))} is left alone. ./kata check {kata.Slug} and ./kata watch judge the practice copy until it passes; each hint counts against the try.");
        return watch && console.Profile.Capabilities.Interactive
            ? await WatchCommand.RunAsync(context, kata, followBoard: false, cancellationToken).ConfigureAwait(false)
            : ExitCodes.Success;
    }

    private static int Stop(CommandContext context)
    {
        var now = context.Time.GetUtcNow();
        Kata? stopped = null;
        context.UpdateProgress(store =>
        {
            if (UnderWay(store) is { } kata)
            {
                var progress = store.For(kata.Slug);
                var practice = progress.Practice!;
                practice.Ended = now;
                practice.TimeRanOut |= now - practice.Started > practice.TimeLimit;
                progress.Tries.Add(practice);
                progress.Practice = null;
                stopped = kata;
            }
        });
        if (stopped is null)
        {
            context.Console.MarkupLine("No practice is under way.");
            return ExitCodes.Failure;
        }

        var review = ReviewSchedule.Of(context.LoadProgress().For(stopped.Slug).Tries);
        context.Console.MarkupLineInterpolated(
            $"Gave up the practice of {stopped.Slug}: it counts as not solved, so it comes back {PracticeReport.Due(review.Due!.Value, now)}.");
        return ExitCodes.Success;
    }
}
