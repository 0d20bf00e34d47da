using Katas.Catalogue;
using Katas.Cli.Engine;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// Shows a check's result: compiler errors, or the stages in order: those that passed in one line each, then the
/// first stage that did not, its failing tests in the order they are written and its first failure in full.
/// </summary>
internal static class CheckReport
{
    /// <summary>Writes the result.</summary>
    /// <param name="context">The console and the repository.</param>
    /// <param name="result">The check.</param>
    /// <param name="attempt">What was checked, for the heading.</param>
    /// <param name="verbose">Whether to list every test of every stage, not only the failing ones.</param>
    public static void Write(CommandContext context, CheckResult result, string attempt, bool verbose)
    {
        var console = context.Console;
        console.MarkupLineInterpolated($"[bold]{result.Kata.Title}[/] [grey]({result.Kata.Slug}: {context.Relative(attempt)})[/]");
        if (!result.Build.Succeeded)
        {
            WriteCompileErrors(context, result);
            return;
        }

        var run = result.Tests!;
        var stages = context.Layout.Stages(result.Kata);
        int? stuck = run.FirstStageNotPassed;
        foreach (var stage in stages)
        {
            var tests = run.OfStage(stage.Number).ToList();
            string heading = $"Stage {stage.Number} of {stages.Count}: {stage.Title}";
            if (stage.Number < (stuck ?? int.MaxValue))
            {
                console.MarkupLineInterpolated($"[green]✓[/] {heading} [grey](all {tests.Count} tests pass)[/]");
                WriteTests(console, tests, verbose);
            }
            else if (stage.Number == stuck)
            {
                int passed = tests.Count(test => test.Status == TestStatus.Passed);
                console.MarkupLineInterpolated($"[red]✗[/] [bold]{heading}[/] [grey]({passed} of {tests.Count} tests pass)[/]");
                WriteTests(console, tests, verbose: true, failuresOnly: !verbose);
            }
            else if (tests.All(test => test.Status == TestStatus.NotReached))
            {
                console.MarkupLineInterpolated($"[grey]· {heading} ({tests.Count} tests, next)[/]");
            }
            else
            {
                int passed = tests.Count(test => test.Status == TestStatus.Passed);
                console.MarkupLineInterpolated($"[grey]· {heading} ({passed} of {tests.Count} tests pass)[/]");
                WriteTests(console, tests, verbose, failuresOnly: !verbose);
            }
        }

        if (run.Problem is { } problem)
        {
            console.WriteLine();
            int notRun = run.Tests.Count(test => test.Status == TestStatus.NotRun);
            string notRunNote = notRun == 0 ? "" : $" {notRun} test{(notRun == 1 ? "" : "s")} did not run.";
            console.MarkupLineInterpolated($"[red bold]{char.ToUpperInvariant(problem.FullDescription[0])}{problem.FullDescription[1..]}.[/]{notRunNote}");
        }

        if (run.FirstFailure is { } failure)
        {
            WriteFailure(context, failure);
        }

        if (run.ProcessOutput.Length > 0 && (run.Problem is not null || verbose))
        {
            console.MarkupLine("[grey]What the test process printed (its start and end):[/]");
            console.WriteLine(Indent(Shortened(run.ProcessOutput)));
        }

        console.WriteLine();
        WriteSummary(console, result, stages, stuck);
    }

    private static void WriteTests(IAnsiConsole console, List<TestOutcome> tests, bool verbose, bool failuresOnly = false)
    {
        if (!verbose)
        {
            return;
        }

        foreach (var test in tests.Where(test => !failuresOnly || test.IsFailure))
        {
            var (mark, colour, note) = test.Status switch
            {
                TestStatus.Passed => ("✓", "green", ""),
                TestStatus.Failed => ("✗", "red", ""),
                TestStatus.TimedOut => ("⧗", "red", " (blocked: it ran past its timeout)"),
                TestStatus.Blocked => ("⧗", "red", " (blocked: still running at the time limit)"),
                TestStatus.Crashed => ("☠", "red", " (running when the process died)"),
                TestStatus.NotRun => ("·", "grey", " (not run)"),
                TestStatus.NotReached => ("·", "grey", " (stage not reached)"),
                _ => ("-", "grey", " (skipped)"),
            };
            console.MarkupLineInterpolated($"    [{colour}]{mark}[/] {test.ClassName}.{test.Name}[grey]{note}[/]");
        }
    }

    private static void WriteFailure(CommandContext context, TestOutcome failure)
    {
        var console = context.Console;
        console.WriteLine();
        string where = failure.SourceFile is null ? "" : $"{context.Relative(failure.SourceFile)}:{failure.SourceLine}";
        console.MarkupLineInterpolated($"[red bold]First failure:[/] [bold]{failure.Name}[/] [grey]{where}[/]");
        console.WriteLine(Indent(failure.Message ?? "(no message)"));
        if (failure.ExceptionType == typeof(OutOfMemoryException).FullName)
        {
            console.MarkupLineInterpolated($"  [grey]The test process's heap is capped at {TestRunner.HeapLimitDescription}: the attempt kept more than that alive.[/]");
        }

        if (AttemptFrame(context, failure.StackTrace) is { } frame)
        {
            console.MarkupLineInterpolated($"  [grey]at[/] {frame}");
        }

        if (failure.Output is { Length: > 0 } output)
        {
            console.MarkupLine("  [grey]The test wrote (its start and end):[/]");
            console.WriteLine(Indent(Shortened(output), "    "));
        }
    }

    private static void WriteSummary(IAnsiConsole console, CheckResult result, IReadOnlyList<KataStage> stages, int? stuck)
    {
        var run = result.Tests!;
        if (run.AllPassed)
        {
            console.MarkupLineInterpolated(
                $"[green bold]All {stages.Count} stages pass: all {run.Total} tests.[/] Compare with the answers: ./kata solution {result.Kata.Slug}");
            return;
        }

        if (run.Total == 0)
        {
            console.MarkupLine("[red]No test ran.[/]");
            return;
        }

        int stage = stuck ?? stages.Count;
        var stageTests = run.OfStage(stage).ToList();
        int later = run.Tests.Count(test => test.Status == TestStatus.NotReached);
        string next = later == 0 ? "" : $" Then come {stages.Count - stage} more stage{(stages.Count - stage == 1 ? "" : "s")} ({later} tests).";
        console.MarkupLineInterpolated(
            $"[yellow]Stage {stage} of {stages.Count} does not pass yet: {stageTests.Count(test => test.Status == TestStatus.Passed)} of {stageTests.Count} of its tests pass.[/]{next} ./kata hint {result.Kata.Slug} gives a hint for this stage.");
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

        if (errors.Count == 1 && errors[0].File is null && result.Build.Output.Length > 0)
        {
            console.WriteLine(Indent(result.Build.Output));
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

    // The first and last lines of a long text: enough to recognise what an attempt printed. A note of what the
    // runner dropped while reading stays, so that the learner knows how much more there was.
    private static string Shortened(string text, int lines = 10)
    {
        string[] all = text.Split('\n');
        if (all.Length <= 2 * lines + 1)
        {
            return text;
        }

        var dropped = all.Where(line => line.StartsWith("[... ", StringComparison.Ordinal) && line.EndsWith(" dropped ...]", StringComparison.Ordinal));
        return string.Join('\n', all.Take(lines).Concat(dropped.DefaultIfEmpty($"[... {all.Length - 2 * lines:N0} more lines ...]")).Concat(all.TakeLast(lines)));
    }

    private static string Indent(string text, string indent = "  ") =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => indent + line));
}
