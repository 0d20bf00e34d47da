using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Katas.Catalogue;
using Katas.Cli.Running;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>dev verify</c>, for maintainers and CI: proves the contract tests bite. Every kata's stub and every
/// deliberate mistake in tests/Mistakes must fail them; every answer in src/Katas.Answers must pass them.
/// Candidates are checked in parallel, as many at a time as the machine has cores, each in a folder of its own,
/// every stage at once; a candidate that must fail stops at its first failing test.
/// </summary>
internal static class DevVerifyCommand
{
    private enum Expectation
    {
        Fails,
        Passes,
    }

    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var only = new Argument<Kata[]>("slug")
        {
            Description = "Verify only these katas; all of them when none is given.",
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "slug",
            CustomParser = result => [.. result.Tokens.Select(token => CommandContext.FindOrReport(result, token.Value))],
        };
        var writeResults = new Option<bool>("--write-results")
        {
            Description = "Write each kata's table of caught mistakes into its results file (benchmarks/Katas.Benchmarks/<Kata>/README.md).",
        };
        var parallel = new Option<int>("--parallel")
        {
            Description = "How many candidates to check at a time; the number of cores by default.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command(
            "verify",
            "Prove the tests bite: every stub and every mistake in tests/Mistakes must fail its kata's tests, every answer in src/Katas.Answers must pass them.")
        {
            only, writeResults, parallel,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var katas = parsed.GetValue(only) is { Length: > 0 } chosen ? chosen : [.. KataCatalogue.All];
            return await RunAsync(context, katas, parsed.GetValue(writeResults), Math.Max(1, parsed.GetValue(parallel)), cancellationToken)
                .ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, IReadOnlyList<Kata> katas, bool writeResults, int parallel, CancellationToken cancellationToken)
    {
        var console = context.Console;
        var clock = Stopwatch.StartNew();
        var candidates = katas.SelectMany(kata => Candidates(context.Layout, kata)).ToList();
        var verdicts = new Verdict[candidates.Count];
        var printing = new Lock();
        using var slots = new SemaphoreSlim(parallel);

        // The candidates of a kata share its prepared build: the first to need it prepares it, the others wait for it.
        await Task.WhenAll(candidates.Select(async (candidate, index) =>
        {
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                verdicts[index] = await CheckAsync(context, candidate, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }

            lock (printing)
            {
                Print(console, verdicts[index]);
            }
        })).ConfigureAwait(false);

        if (writeResults)
        {
            foreach (var kata in katas)
            {
                WriteResults(context, kata, verdicts.Where(verdict => verdict.Candidate.Kata == kata).ToList());
            }
        }

        int held = verdicts.Count(verdict => verdict.Held);
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"verify: {held} passed, {verdicts.Length - held} failed in {clock.Elapsed.TotalSeconds:0} s"));
        return held == verdicts.Length ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static IEnumerable<Candidate> Candidates(KataLayout layout, Kata kata)
    {
        yield return new Candidate(kata, "stub", layout.ExerciseFolder(kata), Expectation.Fails);
        foreach (string mistake in layout.Mistakes(kata))
        {
            yield return new Candidate(kata, $"mistake {Path.GetFileNameWithoutExtension(mistake)}", mistake, Expectation.Fails);
        }

        foreach (string answer in layout.AnswerFolders(kata))
        {
            yield return new Candidate(kata, $"answer {Path.GetFileName(answer)}", answer, Expectation.Passes);
        }
    }

    private static async Task<Verdict> CheckAsync(CommandContext context, Candidate candidate, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Every stage at once: a mistake of the last stage is caught by its own tests while the earlier stages'
        // long ones still run, and the first failure anywhere ends the run.
        var options = new CheckOptions(AllAtOnce: true, StopAtFirstFailure: candidate.Expected == Expectation.Fails, CheckOptions.DefaultTimeLimit);
        try
        {
            var result = await context.Checker.CheckAsync(candidate.Kata, candidate.Source, options, cancellationToken).ConfigureAwait(false);
            return new Verdict(candidate, result, null, clock.Elapsed);
        }
        catch (InvalidDataException exception)
        {
            return new Verdict(candidate, null, exception.Message, clock.Elapsed);
        }
    }

    private static void Print(IAnsiConsole console, Verdict verdict)
    {
        var candidate = verdict.Candidate;
        string seconds = string.Create(CultureInfo.InvariantCulture, $"({verdict.Time.TotalSeconds:0.0} s)");
        if (verdict.Held)
        {
            console.MarkupLineInterpolated($"[green]ok[/]     {candidate.Kata.Slug,-20} {candidate.Label,-42} {verdict.Outcome} [grey]{seconds}[/]");
            return;
        }

        string want = candidate.Expected == Expectation.Fails ? "must fail its tests" : "must pass its tests";
        console.MarkupLineInterpolated($"[red]BROKEN[/] {candidate.Kata.Slug,-20} {candidate.Label,-42} {verdict.Outcome}, but {want} [grey]{seconds}[/]");
        foreach (var error in verdict.Result?.Build.Errors.Take(5) ?? [])
        {
            console.MarkupLineInterpolated($"         [grey]{error.Code} {error.Text}[/]");
        }

        if (verdict.Result?.Tests is { Problem: { } problem })
        {
            console.MarkupLineInterpolated($"         [grey]{problem.Description}[/]");
        }
    }

    private static void WriteResults(CommandContext context, Kata kata, List<Verdict> verdicts)
    {
        string file = context.Layout.ResultsFile(kata);
        var rows = verdicts.Select(verdict => new CaughtMistake(
            verdict.Candidate.Label,
            verdict.Candidate.Expected == Expectation.Passes ? "(a correct answer)" : Describe(verdict.Candidate.Source),
            verdict.Outcome));
        if (!ResultsFile.WriteCaughtMistakes(file, kata.Slug, DateOnly.FromDateTime(context.Time.GetLocalNow().DateTime), rows))
        {
            context.Console.MarkupLineInterpolated($"[yellow]{context.Relative(file)} has no caught-mistakes markers; its table is not written.[/]");
        }
    }

    private static string Describe(string source)
    {
        if (source.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return MistakeRecipe.Load(source).Description;
            }
            catch (FormatException exception)
            {
                return exception.Message;
            }
        }

        string? first = KataLayout.SourceFiles(source).Select(file => File.ReadLines(Path.Combine(source, file)).FirstOrDefault()).FirstOrDefault();
        return first?.StartsWith("// Mistake:", StringComparison.Ordinal) == true ? first["// Mistake:".Length..].Trim() : "(the stub, untouched)";
    }

    private sealed record Candidate(Kata Kata, string Label, string Source, Expectation Expected);

    private sealed record Verdict(Candidate Candidate, CheckResult? Result, string? Broken, TimeSpan Time)
    {
        public bool Held => Result is { Build.Succeeded: true, Tests: { } tests }
            && (Candidate.Expected == Expectation.Passes ? Result.Passed : !tests.AllPassed && tests.Problem?.Kind is not Engine.RunProblemKind.Cancelled);

        public string Outcome => Broken?.ReplaceLineEndings(" ") ?? Result switch
        {
            null => "not checked",
            { Build.Succeeded: false } => "does not compile",
            { Tests.AllPassed: true } => $"all {Result.Tests.Total} tests pass",
            { Tests: { FirstReportedFailure: { } failure } } => $"caught by {failure.Name} (stage {failure.Stage})",
            { Tests.FirstFailure: { } failure } => $"caught by {failure.Name} (stage {failure.Stage})",
            { Tests.Problem: { } problem } => problem.Description,
            _ => $"{Result.Tests!.Passed} of {Result.Tests.Total} pass",
        };
    }
}
