using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>Shows a check's result: compiler errors, or each test in file order and the first failure in full.</summary>
internal static class CheckReport
{
    /// <summary>Writes the result.</summary>
    /// <param name="context">The console and the repository.</param>
    /// <param name="result">The check.</param>
    /// <param name="verbose">Whether to list every test, not only the failing ones.</param>
    public static void Write(CommandContext context, CheckResult result, bool verbose)
    {
        var console = context.Console;
        console.MarkupLineInterpolated($"[bold]{result.Kata.Title}[/] [grey]({result.Kata.Slug})[/]");
        if (!result.Build.Succeeded)
        {
            WriteCompileErrors(context, result);
            return;
        }

        var run = result.Tests!;
        foreach (var test in run.Tests)
        {
            if (!verbose && test.Status == TestStatus.Passed)
            {
                continue;
            }

            var (mark, colour) = test.Status switch
            {
                TestStatus.Passed => ("✓", "green"),
                TestStatus.Failed => ("✗", "red"),
                TestStatus.Blocked => ("⧗", "red"),
                _ => ("-", "grey"),
            };
            string blocked = test.Status == TestStatus.Blocked ? " (blocked)" : "";
            console.MarkupLineInterpolated($"  [{colour}]{mark}[/] {test.ClassName}.{test.Name}{blocked}");
        }

        if (run.FirstFailure is { } failure)
        {
            console.WriteLine();
            string where = failure.SourceFile is null ? "" : $"{context.Relative(failure.SourceFile)}:{failure.SourceLine}";
            console.MarkupLineInterpolated($"[red bold]First failure:[/] [bold]{failure.Name}[/] [grey]{where}[/]");
            console.WriteLine(Indent(failure.Message ?? "(no message)"));
            if (AttemptFrame(context, failure.StackTrace) is { } frame)
            {
                console.MarkupLineInterpolated($"  [grey]at[/] {frame}");
            }
        }

        console.WriteLine();
        if (run.Total == 0)
        {
            console.MarkupLine("[red]No test ran.[/]");
        }
        else if (run.AllPassed)
        {
            console.MarkupLineInterpolated($"[green bold]All {run.Total} tests pass.[/] Compare with the reference: ./kata solution {result.Kata.Slug}");
        }
        else
        {
            string blockedNote = run.Blocked ? " Some tests blocked and were stopped." : "";
            console.MarkupLineInterpolated($"[yellow]{run.Passed} of {run.Total} tests pass.[/]{blockedNote}");
        }
    }

    private static void WriteCompileErrors(CommandContext context, CheckResult result)
    {
        var console = context.Console;
        var errors = result.Build.Errors;
        console.MarkupLineInterpolated($"[red bold]It does not compile[/] ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):");
        foreach (var error in errors.Take(20))
        {
            string where = error.File is null ? "" : $"{context.Relative(error.File)}({error.Line},{error.Column}): ";
            console.MarkupLineInterpolated($"  [grey]{where}[/][red]{error.Code}[/] {error.Text}");
        }

        if (errors.Count > 20)
        {
            console.MarkupLineInterpolated($"  [grey]... and {errors.Count - 20} more.[/]");
        }
    }

    // The first stack frame in the attempt (a Katas type that is not a test), made relative: where to look first.
    private static string? AttemptFrame(CommandContext context, string? stackTrace)
    {
        if (stackTrace is null)
        {
            return null;
        }

        foreach (string line in stackTrace.Split('\n'))
        {
            string frame = line.Trim();
            frame = frame.StartsWith("at ", StringComparison.Ordinal) ? frame[3..] : frame;
            int inAt = frame.IndexOf(" in ", StringComparison.Ordinal);
            if (inAt >= 0 && frame.StartsWith("Katas.", StringComparison.Ordinal) && !frame.StartsWith("Katas.Tests.", StringComparison.Ordinal))
            {
                string location = frame[(inAt + 4)..];
                int lineAt = location.LastIndexOf(":line ", StringComparison.Ordinal);
                string file = lineAt >= 0 ? location[..lineAt] : location;
                string rest = lineAt >= 0 ? location[lineAt..] : "";
                return $"{frame[..inAt]} in {context.Relative(file)}{rest}";
            }
        }

        return null;
    }

    private static string Indent(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => "  " + line));
}
