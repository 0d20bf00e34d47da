using System.CommandLine;
using Katas.Catalogue;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary><c>watch &lt;slug&gt;</c>: checks the attempt, then again on every save, until Ctrl+C.</summary>
internal static class WatchCommand
{
    // Editors save in bursts (write, rename, touch); one check per burst is enough.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.SlugArgument();
        var attempt = new Option<DirectoryInfo?>("--attempt") { Description = "Watch and check another folder instead of attempts/<Kata>." };
        var command = new Command("watch", "Check a kata now and again on every save, with a fresh screen each time; Ctrl+C leaves.")
        {
            slug, attempt,
        };
        command.SetAction(async (parsed, cancellationToken) =>
            await RunAsync(context, parsed.GetValue(slug)!, parsed.GetValue(attempt)?.FullName, cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, Kata kata, string? attemptSource, CancellationToken cancellationToken)
    {
        string folder = attemptSource ?? context.Files.Ensure(kata);
        using var changes = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder, "*.cs") { IncludeSubdirectories = true, EnableRaisingEvents = true };
        void OnChange(object sender, FileSystemEventArgs e) => changes.Release();
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;

        try
        {
            while (true)
            {
                if (context.Console.Profile.Capabilities.Ansi)
                {
                    context.Console.Clear(home: true);
                }

                context.Console.MarkupLineInterpolated($"[grey]Watching {context.Relative(folder)} - save a file to check again, Ctrl+C to leave.[/]");
                await CheckCommand.RunAsync(context, kata, attemptSource, CheckOptions.Learner, cancellationToken).ConfigureAwait(false);
                context.Console.MarkupLineInterpolated($"[grey]Last checked at {context.Time.GetLocalNow():HH:mm:ss}.[/]");
                await NextSaveAsync(changes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Console.MarkupLine("Stopped watching.");
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
}
