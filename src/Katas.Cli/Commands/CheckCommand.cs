using System.CommandLine;
using Katas.Catalogue;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary><c>check &lt;slug&gt;</c>: runs a kata's contract tests against the learner's attempt, a stage at a time.</summary>
internal static class CheckCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.SlugArgument();
        var all = new Option<bool>("--all", "-a") { Description = "Run every stage, and list every test, passing ones too." };
        var attempt = new Option<string?>("--attempt")
        {
            Description = "Check another attempt instead of attempts/<Kata>: a folder of .cs files (an answer) or a mistake recipe (tests/Mistakes/<Kata>/<Name>.md).",
            HelpName = "folder|recipe.md",
        };
        attempt.Validators.Add(result =>
        {
            string? path = result.GetValueOrDefault<string?>();
            if (path is not null && !Directory.Exists(path) && !(File.Exists(path) && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
            {
                result.AddError($"--attempt {path}: no such folder or mistake recipe (.md).");
            }
        });
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds the tests may run before the unfinished ones are reported as blocked.",
            DefaultValueFactory = _ => (int)CheckOptions.DefaultTimeLimit.TotalSeconds,
        };
        var command = new Command("check", "Run a kata's contract tests against your attempt, a stage at a time; exit 0 when all pass, 1 otherwise.")
        {
            slug, all, attempt, timeout,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var kata = parsed.GetValue(slug)!;
            string? source = parsed.GetValue(attempt) is { } path ? Path.GetFullPath(path) : null;
            var options = new CheckOptions(parsed.GetValue(all), false, TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(timeout))));
            return await RunAsync(context, kata, source, options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Checks an attempt, shows the result and, for the learner's own attempt, remembers it.</summary>
    /// <param name="context">What verbs share.</param>
    /// <param name="kata">The kata.</param>
    /// <param name="attemptSource">A folder or a mistake recipe to check instead of the learner's attempt, or <see langword="null"/>.</param>
    /// <param name="options">How to check; <see cref="CheckOptions.AllAtOnce"/> also lists passing tests.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The exit code, and the result when there is one.</returns>
    public static async Task<int> RunAsync(CommandContext context, Kata kata, string? attemptSource, CheckOptions options, CancellationToken cancellationToken)
    {
        var (exitCode, _) = await CheckAsync(context, kata, attemptSource, options, cancellationToken).ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>Checks an attempt, shows the result and, for the learner's own attempt, remembers it.</summary>
    /// <param name="context">What verbs share.</param>
    /// <param name="kata">The kata.</param>
    /// <param name="attemptSource">A folder or a mistake recipe to check instead of the learner's attempt, or <see langword="null"/>.</param>
    /// <param name="options">How to check.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The exit code, and the result when the check ran.</returns>
    public static async Task<(int ExitCode, CheckResult? Result)> CheckAsync(
        CommandContext context, Kata kata, string? attemptSource, CheckOptions options, CancellationToken cancellationToken)
    {
        CheckResult result;
        try
        {
            result = await context.Checker.CheckAsync(kata, attemptSource, options, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            context.Console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return (ExitCodes.UsageError, null);
        }

        if (attemptSource is null)
        {
            context.UpdateProgress(progress => context.Checker.Record(progress.For(kata.Slug), result));
        }

        CheckReport.Write(context, result, attemptSource ?? context.Layout.AttemptFolder(kata), verbose: options.AllAtOnce);
        return (result.Passed ? ExitCodes.Success : ExitCodes.Failure, result);
    }
}
