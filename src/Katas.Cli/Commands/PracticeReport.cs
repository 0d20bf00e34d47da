using System.Globalization;
using Katas.Catalogue;
using Katas.Cli.Progress;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>How the runner speaks of practice: the timer, the stages passed against it, a finished try and what is due.</summary>
internal static class PracticeReport
{
    /// <summary>Writes a span of time the way a clock shows it: 4:07, or 1:02:03.</summary>
    /// <param name="span">The span.</param>
    /// <returns>The text.</returns>
    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}:{span.Seconds:00}");

    /// <summary>Writes when a kata is due, relative to now: "due now", "due in 3 days".</summary>
    /// <param name="due">When it is due.</param>
    /// <param name="now">Now.</param>
    /// <returns>The text.</returns>
    public static string Due(DateTimeOffset due, DateTimeOffset now)
    {
        double days = (due - now).TotalDays;
        return days <= 0 ? $"due now ({-(int)days} day{(-(int)days == 1 ? "" : "s")} over)"
            : days < 1 ? "due today"
            : string.Create(CultureInfo.InvariantCulture, $"in {Math.Ceiling(days):0} day{(Math.Ceiling(days) == 1 ? "" : "s")} ({due:yyyy-MM-dd})");
    }

    /// <summary>Gets the timer of a practice under way: the time used against the limit.</summary>
    /// <param name="practice">The practice.</param>
    /// <param name="now">Now.</param>
    /// <returns>The text, as markup.</returns>
    public static string Timer(PracticeTry practice, DateTimeOffset now)
    {
        var used = now - practice.Started;
        var left = practice.TimeLimit - used;
        return left > TimeSpan.Zero
            ? $"[bold]{Duration(left)}[/] left of {Duration(practice.TimeLimit)}"
            : $"[red bold]time is up[/]: {Duration(used)} used of {Duration(practice.TimeLimit)}";
    }

    /// <summary>Writes what a check of a practice attempt changed: stages passed against the clock, and a finished try.</summary>
    /// <param name="context">What verbs share.</param>
    /// <param name="kata">The kata.</param>
    /// <param name="practice">The practice as it was before the check.</param>
    /// <param name="changes">What the check changed.</param>
    /// <param name="now">When the check ended.</param>
    public static void WriteProgress(CommandContext context, Kata kata, PracticeTry practice, CheckProgress changes, DateTimeOffset now)
    {
        var console = context.Console;
        int stages = context.Layout.Stages(kata).Count;
        foreach (var (stage, after) in changes.StagesPassed)
        {
            console.MarkupLineInterpolated($"[green]Stage {stage} of {stages} passed[/] at {Duration(after)}.");
        }

        if (changes.FinishedPractice is not { } finished)
        {
            console.MarkupLine($"Practice of {Markup.Escape(kata.Slug)}: {Timer(practice, now)}; {practice.HintsTaken} hint{(practice.HintsTaken == 1 ? "" : "s")} taken.");
            return;
        }

        var review = ReviewSchedule.Of(context.LoadProgress().For(kata.Slug).Tries);
        string hints = finished.HintsTaken == 0 ? "without a hint" : $"with {finished.HintsTaken} hint{(finished.HintsTaken == 1 ? "" : "s")}";
        console.MarkupLineInterpolated(
            $"[green bold]Practice solved in {Duration(finished.SolvedAfter!.Value)}[/] {hints} (time limit {Duration(finished.TimeLimit)}): {Describe(ReviewSchedule.Grade(finished))}.");
        console.MarkupLineInterpolated($"Next review of {kata.Slug} {Due(review.Due!.Value, now)}; your best time is {Duration(review.Best!.Value)}.");
    }

    /// <summary>Says what a grade means for the schedule.</summary>
    /// <param name="grade">The grade.</param>
    /// <returns>The text.</returns>
    public static string Describe(TryGrade grade) => grade switch
    {
        TryGrade.CleanAndFast => "clean and fast, so the kata comes back much later",
        TryGrade.Clean => "clean, so the kata comes back later",
        TryGrade.SlowOrHinted => "hinted or over time, so the kata comes back sooner",
        _ => "not solved, so the kata comes back tomorrow",
    };
}
