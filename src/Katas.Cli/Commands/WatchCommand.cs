using System.CommandLine;
using Katas.Catalogue;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>watch [slug]</c>: checks an attempt, then again on every save, until Ctrl+C. Without a slug it follows the
/// board: it starts at the kata to work on next (the practice under way, else the first started and unsolved,
/// else the first not started), says which file to open, and once the kata passes moves on to the next one,
/// until every kata is solved. With a slug it stays on that kata.
/// </summary>
internal static class WatchCommand
{
    // Editors save in bursts (write, rename, touch); one check per burst is enough.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.OptionalSlugArgument("The kata to watch; without one, the watch follows the board from kata to kata.");
        var attempt = new Option<DirectoryInfo?>("--attempt") { Description = "Watch and check another folder instead of the kata's attempt (needs a slug)." };
        var command = new Command("watch", "Check on every save, with a fresh screen each time; without a slug, follow the board from kata to kata. Ctrl+C leaves.")
        {
            slug, attempt,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var kata = parsed.GetValue(slug);
            if (kata is null && parsed.GetValue(attempt) is not null)
            {
                context.Console.MarkupLine("[red]--attempt needs a kata: ./kata watch <slug> --attempt <folder>.[/]");
                return ExitCodes.UsageError;
            }

            return await RunAsync(context, kata, followBoard: kata is null, cancellationToken, parsed.GetValue(attempt)?.FullName).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Watches a kata, or follows the board from kata to kata.</summary>
    /// <param name="context">What verbs share.</param>
    /// <param name="pinned">The kata to stay on, or <see langword="null"/> to follow the board.</param>
    /// <param name="followBoard">Whether to move on to the next kata once this one passes.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="attemptSource">Another folder to check instead of the kata's attempt, or <see langword="null"/>.</param>
    /// <returns>The exit code: 0 when Ctrl+C ended it or every kata is solved.</returns>
    public static async Task<int> RunAsync(CommandContext context, Kata? pinned, bool followBoard, CancellationToken cancellationToken, string? attemptSource = null)
    {
        var console = context.Console;
        try
        {
            while (true)
            {
                var kata = pinned ?? Next(context);
                if (kata is null)
                {
                    console.MarkupLine("[green bold]Every kata is solved.[/] ./kata practice puts you against the clock on the one most due for review.");
                    return ExitCodes.Success;
                }

                if (await WatchOneAsync(context, kata, followBoard, attemptSource, cancellationToken).ConfigureAwait(false) is { } done)
                {
                    return done;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("Stopped watching.");
            return ExitCodes.Success;
        }
    }

    /// <summary>Waits for a save, then for the burst of events around it to end.</summary>
    /// <param name="changes">Released once per file event.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>A task that completes after the burst.</returns>
    public static async Task NextSaveAsync(SemaphoreSlim changes, CancellationToken cancellationToken)
    {
        await changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.Delay(Quiet, cancellationToken).ConfigureAwait(false);
        while (changes.CurrentCount > 0)
        {
            await changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The kata the board says to work on: the practice under way, else the first started and unsolved, else the first not started.
    private static Kata? Next(CommandContext context)
    {
        var progress = context.LoadProgress();
        var started = KataCatalogue.All.Where(kata => !context.Files.IsUntouched(kata)).ToHashSet();
        return PracticeCommand.UnderWay(progress) ?? ListCommand.Next(context, progress, started);
    }

    // Watches one kata; returns an exit code to end the watch with, or null to move on to the next kata.
    private static async Task<int?> WatchOneAsync(CommandContext context, Kata kata, bool followBoard, string? attemptSource, CancellationToken cancellationToken)
    {
        var console = context.Console;
        var current = CurrentAttempt.Of(context.Layout, context.Files, context.LoadProgress().For(kata.Slug), kata);
        string folder = attemptSource ?? current.Folder;
        using var changes = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder, "*.cs") { IncludeSubdirectories = true, EnableRaisingEvents = true };
        void OnChange(object sender, FileSystemEventArgs e) => changes.Release();
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        while (true)
        {
            if (console.Profile.Capabilities.Ansi)
            {
                console.Clear(home: true);
            }

            var files = KataLayout.SourceFiles(folder);
            string file = context.Relative(files.Count > 0 ? Path.Combine(folder, files[0]) : folder);
            string mode = followBoard ? "following the board" : "staying on this kata";
            console.MarkupLineInterpolated(
                $"[grey]Watching {kata.Slug} ({mode}): open {file}, read {context.Relative(context.Layout.InstructionsFile(kata))}; save to check again, Ctrl+C to leave.[/]");
            if (current.Practice is not null && context.LoadProgress().For(kata.Slug).Practice is { } practice)
            {
                console.MarkupLine($"Practice: {PracticeReport.Timer(practice, context.Time.GetUtcNow())}");
            }

            var (_, result, progress) = await CheckCommand.CheckAsync(context, kata, attemptSource, CheckOptions.Learner, cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"[grey]Last checked at {context.Time.GetLocalNow():HH:mm:ss}.[/]");
            if (progress?.FinishedPractice is not null)
            {
                if (!followBoard)
                {
                    return ExitCodes.Success;
                }

                console.MarkupLine("On to the next kata.");
                return null;
            }

            if (followBoard && result is { Passed: true } && current.Practice is null)
            {
                var started = context.LoadProgress().For(kata.Slug).Started;
                string took = started is { } since ? $", {PracticeReport.Duration(context.Time.GetUtcNow() - since)} after your first check of it" : "";
                console.MarkupLineInterpolated($"[green bold]{kata.Slug} is solved[/]: every stage passes{took}. On to the next kata.");
                return null;
            }

            await WaitForSaveAsync(context, changes, current.Practice is not null ? kata : null, cancellationToken).ConfigureAwait(false);
        }
    }

    // Waits for the next save; during a practice, a live line shows the time left while the learner writes.
    private static async Task WaitForSaveAsync(CommandContext context, SemaphoreSlim changes, Kata? practising, CancellationToken cancellationToken)
    {
        var save = NextSaveAsync(changes, cancellationToken);
        if (practising is not null && context.Console.Profile.Capabilities.Interactive)
        {
            await context.Console.Status().StartAsync("Practice", async status =>
            {
                while (!save.IsCompleted)
                {
                    if (context.LoadProgress().For(practising.Slug).Practice is { } practice)
                    {
                        status.Status($"Practice: {PracticeReport.Timer(practice, context.Time.GetUtcNow())} - save to check");
                    }

                    await Task.WhenAny(save, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }

        await save.ConfigureAwait(false);
    }
}
