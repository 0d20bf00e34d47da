using System.Globalization;

namespace Katas.Cli.Engine;

/// <summary>How to run a kata's tests.</summary>
/// <param name="StageCount">How many stages the kata has.</param>
/// <param name="AllAtOnce">Run every stage at once, instead of a stage at a time stopping after the first that fails.</param>
/// <param name="StopAtFirstFailure">Stop the process at the first failing test: all a deliberate mistake needs to show.</param>
/// <param name="TimeLimit">How long the whole run may take before the tests still running count as blocked.</param>
internal sealed record TestRunOptions(int StageCount, bool AllAtOnce, bool StopAtFirstFailure, TimeSpan TimeLimit);

/// <summary>
/// Runs a compiled attempt's test program in a process of its own, under supervision: its memory capped, its
/// output bounded, its time limited, and killed with its children on every way out. Every test of the kata is
/// accounted for, run or not, and a process that dies says how.
/// </summary>
internal static class TestRunner
{
    /// <summary>
    /// Gets the test process's GC heap limit: an attempt that keeps more alive fails within seconds, out of memory.
    /// 2 GiB, or KATA_HEAP_LIMIT_MB megabytes.
    /// </summary>
    public static long HeapLimitBytes => Megabytes("KATA_HEAP_LIMIT_MB", 2048);

    /// <summary>Gets how much the test process may print before it is stopped: 256 MB, or KATA_OUTPUT_BUDGET_MB megabytes.</summary>
    public static long OutputBudgetBytes => Megabytes("KATA_OUTPUT_BUDGET_MB", 256);

    /// <summary>Gets the heap limit as the learner reads it.</summary>
    public static string HeapLimitDescription => HeapLimitBytes % (1L << 30) == 0 ? $"{HeapLimitBytes >> 30} GiB" : $"{HeapLimitBytes >> 20} MiB";

    /// <summary>Runs the tests.</summary>
    /// <param name="build">The kata's prepared build.</param>
    /// <param name="run">The check's folder, holding the compiled test program.</param>
    /// <param name="options">How to run.</param>
    /// <param name="relative">Makes a path the way the learner sees it.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The results.</returns>
    public static async Task<TestRunResult> RunAsync(
        KataBuild build, RunFolder run, TestRunOptions options, Func<string, string> relative, CancellationToken cancellationToken)
    {
        var stages = build.Listed.ToLookup(test => (test.ClassName, test.Method), test => test.Stage);
        var reader = new TestEventReader((className, method) => stages[(className, method)].FirstOrDefault());
        using var stop = new CancellationTokenSource();
        if (options.StopAtFirstFailure)
        {
            reader.Failed += _ => stop.Cancel();
        }

        List<string> arguments =
        [
            "exec", "--additionalprobingpath", build.Packages, Path.Combine(run.Path, KataBuild.TestsAssembly + ".dll"),
            "--stages", options.AllAtOnce ? "all" : options.StageCount.ToString(CultureInfo.InvariantCulture),
            "-reporter", "json", "-noColor", "-noAutoReporters",
        ];
        if (options.StopAtFirstFailure)
        {
            arguments.Add("-stopOnFail");
        }

        var process = await SupervisedProcess.RunAsync(
            new ProcessStart("dotnet", arguments, run.Path)
            {
                TimeLimit = options.TimeLimit,
                OutputBudget = OutputBudgetBytes,
                OnOutputLine = reader.Read,
                Environment = new Dictionary<string, string>
                {
                    ["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture),
                    ["KATA_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),

                    // A crash is reported from its stack trace; a dump of a 2 GB heap would only fill the disk.
                    ["DOTNET_DbgEnableMiniDump"] = "0",
                    ["DOTNET_EnableCrashReport"] = "0",
                },
            },
            stop.Token,
            cancellationToken).ConfigureAwait(false);

        var (finished, running) = reader.Snapshot();
        var problem = Problem(process, reader, running.Count, options, Path.Combine(run.Path, KataBuild.AttemptAssembly + ".dll"), relative);
        var runningStatus = problem?.Kind switch
        {
            RunProblemKind.TimedOut => TestStatus.Blocked,
            RunProblemKind.Cancelled or null => TestStatus.NotRun,
            _ => TestStatus.Crashed,
        };
        int lastStageStarted = options.AllAtOnce ? options.StageCount : reader.StagesFinished.Keys.DefaultIfEmpty(0).Max() + (problem is null ? 0 : 1);

        var outcomes = finished.Concat(running.Select(test => test with
        {
            Status = runningStatus,
            Message = runningStatus switch
            {
                TestStatus.Blocked => $"It was still running when the time limit of {options.TimeLimit.TotalSeconds:0} s ran out: the attempt blocked (a deadlock, or a wait that is never woken).",
                TestStatus.Crashed => $"It was running when {problem!.Description}.",
                _ => test.Message,
            },
        })).ToList();
        foreach (var listed in build.Listed.Where(listed => listed.Stage > 0))
        {
            bool ran = outcomes.Any(outcome => outcome.ClassName == listed.ClassSimpleName
                && (outcome.Name == listed.Method || outcome.Name.StartsWith(listed.Method + "(", StringComparison.Ordinal)));
            if (!ran)
            {
                outcomes.Add(new TestOutcome(
                    listed.Method, listed.ClassSimpleName, listed.Stage,
                    listed.Stage > lastStageStarted ? TestStatus.NotReached : TestStatus.NotRun,
                    null, null, null, null, listed.SourceFile, listed.SourceLine));
            }
        }

        var ordered = outcomes
            .OrderBy(test => test.Stage)
            .ThenBy(test => test.SourceFile, StringComparer.Ordinal)
            .ThenBy(test => test.SourceLine)
            .ThenBy(test => test.Name, StringComparer.Ordinal)
            .ToList();
        return new TestRunResult(ordered, options.StageCount, problem, process.Output.ToString()) { FirstReportedFailure = reader.FirstReportedFailure };
    }

    private static long Megabytes(string variable, long fallback) =>
        (long.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out long megabytes) && megabytes > 0 ? megabytes : fallback)
        * 1024 * 1024;

    private static RunProblem? Problem(
        ProcessResult process, TestEventReader reader, int running, TestRunOptions options, string attemptAssembly, Func<string, string> relative)
    {
        var problem = process.End switch
        {
            ProcessEnd.TimedOut => new RunProblem(RunProblemKind.TimedOut, $"the tests had not finished after the time limit of {options.TimeLimit.TotalSeconds:0} s"),
            ProcessEnd.OutputFlood => new RunProblem(RunProblemKind.OutputFlood, $"the test process printed more than {OutputBudgetBytes / (1024 * 1024):N0} MB and was stopped"),
            ProcessEnd.Cancelled => new RunProblem(RunProblemKind.Cancelled, "the check was cancelled"),
            ProcessEnd.Stopped => null,
            _ when reader.RunFinished => null,
            _ => CrashReport.Describe(process.ExitCode, process.Errors.ToString(), attemptAssembly, relative),
        };
        return problem is null ? null : problem with { TestsRunning = running };
    }
}
