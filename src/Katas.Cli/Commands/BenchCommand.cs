using System.CommandLine;
using System.Globalization;
using Katas.Catalogue;
using Katas.Cli.Engine;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>bench &lt;slug&gt;</c>: runs a kata's benchmark (a short BenchmarkDotNet job) and prints attempt,
/// reference and peers side by side as time ratios to the reference, with bytes allocated and a verdict.
/// </summary>
internal static class BenchCommand
{
    private const string AttemptMethod = "Attempt";
    private const string ReferenceMethod = "Reference";

    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.SlugArgument();
        var job = new Option<string>("--job")
        {
            Description = "BenchmarkDotNet's job: dry (seconds, numbers meaningless), short (a few minutes) or medium.",
            DefaultValueFactory = _ => "short",
        };
        job.AcceptOnlyFromAmong("dry", "short", "medium");
        var command = new Command("bench", "Race your attempt against the reference and the ecosystem's peers; prints time ratios and allocations.")
        {
            slug, job,
        };
        command.SetAction(async (parsed, cancellationToken) =>
            await RunAsync(context, parsed.GetValue(slug)!, parsed.GetValue(job)!, cancellationToken).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, Kata kata, string job, CancellationToken cancellationToken)
    {
        var console = context.Console;
        if (!kata.Benchmarked)
        {
            console.MarkupLineInterpolated($"{kata.Slug} has no benchmark.");
            return ExitCodes.Failure;
        }

        string artifacts = Directory.CreateTempSubdirectory("kata-bench-").FullName;
        try
        {
            // Kata narrows the build to this kata's attempt and benchmark, also in the project
            // BenchmarkDotNet generates, so another kata's half-written attempt cannot break the run.
            var environment = new Dictionary<string, string> { ["Kata"] = kata.Folder };
            string[] arguments =
            [
                "run", "-c", "Release", "--project", context.Layout.BenchmarksProject, "--",
                "--filter", "*", "--job", job, "--exporters", "json", "--artifacts", artifacts,
            ];
            ProcessResult run = null!;
            await console.Status().StartAsync($"Benchmarking {kata.Slug} ({job} job)...", async status =>
            {
                run = await SupervisedProcess.RunAsync(
                    new ProcessStart("dotnet", arguments, context.Layout.Root)
                    {
                        TimeLimit = TimeSpan.FromMinutes(60),
                        Environment = environment,
                        OnOutputLine = (line, _) =>
                        {
                            if (line.StartsWith("// Benchmark: ", StringComparison.Ordinal))
                            {
                                status.Status(Markup.Escape(line[3..]));
                            }

                            return false;
                        },
                    },
                    CancellationToken.None,
                    cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

            var cases = BenchmarkReport.Read(Path.Combine(artifacts, "results"));
            if (cases.Count == 0)
            {
                console.MarkupLine("[red]The benchmark did not run.[/] Its output ends with:");
                console.WriteLine(string.Join('\n', run.AllText.Split('\n').TakeLast(25)));
                return ExitCodes.Failure;
            }

            return Render(console, kata, cases) ? ExitCodes.Success : ExitCodes.Failure;
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }

    /// <summary>Writes the table of ratios to the reference and the verdict on the attempt.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="kata">The kata benchmarked.</param>
    /// <param name="cases">The measured cases.</param>
    /// <returns><see langword="true"/> when the attempt ran in every case.</returns>
    internal static bool Render(IAnsiConsole console, Kata kata, IReadOnlyList<BenchmarkCase> cases)
    {
        WriteTable(console, cases);
        return WriteVerdict(console, kata, cases);
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<BenchmarkCase> cases)
    {
        var parameterSets = cases.Select(c => c.Parameters).Distinct().ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("implementation");
        foreach (string parameters in parameterSets)
        {
            table.AddColumn(new TableColumn(parameters.Length == 0 ? "time vs reference" : Markup.Escape(parameters)).RightAligned());
        }

        table.AddColumn(new TableColumn("allocated / op").RightAligned());
        foreach (string method in cases.Select(c => c.Method).Distinct())
        {
            var row = new List<string> { method == AttemptMethod ? "[bold]your attempt[/]" : Markup.Escape(method) };
            foreach (string parameters in parameterSets)
            {
                var measured = cases.FirstOrDefault(c => c.Method == method && c.Parameters == parameters);
                var reference = cases.FirstOrDefault(c => c.Method == ReferenceMethod && c.Parameters == parameters);
                row.Add(measured?.MeanNanoseconds is not double mean
                    ? "[red]failed[/]"
                    : reference?.MeanNanoseconds is double baseline && baseline > 0
                        ? $"{(mean / baseline).ToString("0.00", CultureInfo.InvariantCulture)}x"
                        : $"{mean.ToString("0.0", CultureInfo.InvariantCulture)} ns");
            }

            double? bytes = cases.Where(c => c.Method == method).Max(c => c.BytesPerOperation);
            row.Add(bytes is double b ? $"{b.ToString("0", CultureInfo.InvariantCulture)} B" : "-");
            table.AddRow(row.ToArray());
        }

        console.Write(table);
        console.MarkupLine("[grey]Times are ratios to the reference measured in this run (lower is faster); absolute times on a shared machine are noise.[/]");
    }

    private static bool WriteVerdict(IAnsiConsole console, Kata kata, IReadOnlyList<BenchmarkCase> cases)
    {
        var pairs = cases.Where(c => c.Method == AttemptMethod)
            .Select(attempt => (Attempt: attempt, Reference: cases.FirstOrDefault(c => c.Method == ReferenceMethod && c.Parameters == attempt.Parameters)))
            .ToList();
        if (pairs.Count == 0 || pairs.Any(pair => pair.Attempt.MeanNanoseconds is null))
        {
            console.MarkupLineInterpolated($"[red]Verdict: your attempt did not run[/] (not implemented yet, or it threw). Make ./kata check {kata.Slug} pass first.");
            return false;
        }

        var ratios = pairs
            .Where(pair => pair.Reference?.MeanNanoseconds is > 0)
            .Select(pair => pair.Attempt.MeanNanoseconds!.Value / pair.Reference!.MeanNanoseconds!.Value)
            .ToList();
        double geometricMean = ratios.Count == 0 ? double.NaN : Math.Exp(ratios.Average(Math.Log));
        double bytes = pairs.Max(pair => pair.Attempt.BytesPerOperation ?? 0);
        string speed = geometricMean switch
        {
            double.NaN => "has no reference to compare with",
            <= 1.05 => "is as fast as the reference or faster",
            <= 2 => "is within 2x of the reference",
            _ => $"takes {geometricMean.ToString("0.0", CultureInfo.InvariantCulture)}x the reference's time",
        };
        string memory = bytes == 0 ? "and allocates nothing per operation" : $"and allocates up to {bytes.ToString("0", CultureInfo.InvariantCulture)} B per operation";
        console.MarkupLineInterpolated($"[bold]Verdict:[/] your attempt {speed} (geometric mean over {ratios.Count} case{(ratios.Count == 1 ? "" : "s")}) {memory}.");
        return true;
    }
}
