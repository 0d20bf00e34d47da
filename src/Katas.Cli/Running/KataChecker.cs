using System.Security.Cryptography;
using System.Text;
using Katas.Catalogue;
using Katas.Cli.Engine;
using Katas.Cli.Progress;

namespace Katas.Cli.Running;

/// <summary>The result of checking an attempt: a compile that failed, or a test run.</summary>
/// <param name="Kata">The kata checked.</param>
/// <param name="Build">The compile (or the preparation of the kata's tests, when that failed).</param>
/// <param name="Tests">The test run, or <see langword="null"/> when nothing compiled.</param>
internal sealed record CheckResult(Kata Kata, BuildResult Build, TestRunResult? Tests)
{
    /// <summary>Gets whether the attempt compiled and passed every test of every stage.</summary>
    public bool Passed => Build.Succeeded && Tests is { AllPassed: true };
}

/// <summary>How to check.</summary>
/// <param name="AllAtOnce">Run every stage at once instead of stopping after the first that fails.</param>
/// <param name="StopAtFirstFailure">Stop at the first failing test (a deliberate mistake needs no more).</param>
/// <param name="TimeLimit">How long the tests may run.</param>
internal sealed record CheckOptions(bool AllAtOnce, bool StopAtFirstFailure, TimeSpan TimeLimit)
{
    /// <summary>How long a test run may take by default before its unfinished tests count as blocked.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(2);

    /// <summary>Gets the learner's check: a stage at a time, every failure of the first failing stage shown.</summary>
    public static CheckOptions Learner { get; } = new(false, false, DefaultTimeLimit);
}

/// <summary>
/// Checks attempts: compiles one against its kata's prepared build in a folder of its own and runs the kata's
/// contract tests on it, a stage at a time.
/// </summary>
/// <param name="layout">Where the repository's projects are.</param>
internal sealed class KataChecker(KataLayout layout)
{
    private readonly BuildCache _builds = new(layout);

    /// <summary>Checks an attempt at a kata.</summary>
    /// <param name="kata">The kata.</param>
    /// <param name="attemptSource">
    /// A folder to check instead of the learner's attempt, or a mistake recipe (<c>.md</c>) to write out and check;
    /// <see langword="null"/> for the learner's attempt.
    /// </param>
    /// <param name="options">How to check.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidDataException">The recipe is malformed, or no longer fits the attempt it edits.</exception>
    public async Task<CheckResult> CheckAsync(Kata kata, string? attemptSource, CheckOptions options, CancellationToken cancellationToken)
    {
        var phases = new PhaseTimer();
        using var run = RunFolder.Create(layout.StateFolder);
        string attempt = attemptSource switch
        {
            null => new AttemptFiles(layout).Ensure(kata),
            _ when attemptSource.EndsWith(".md", StringComparison.OrdinalIgnoreCase) => WriteOut(attemptSource, Path.Combine(run.Path, "attempt")),
            _ => attemptSource,
        };

        var (build, failure) = await _builds.GetAsync(kata, cancellationToken).ConfigureAwait(false);
        phases.Mark("prepared build");
        if (build is null)
        {
            return new CheckResult(kata, failure!, null);
        }

        var compiled = await AttemptCompiler.CompileAsync(build, attempt, run, cancellationToken).ConfigureAwait(false);
        phases.Mark("compiled");
        if (!compiled.Succeeded)
        {
            return new CheckResult(kata, compiled, null);
        }

        var stages = layout.Stages(kata).Count;
        var tests = await TestRunner.RunAsync(
            build,
            run,
            new TestRunOptions(stages, options.AllAtOnce, options.StopAtFirstFailure, options.TimeLimit),
            Relative,
            cancellationToken).ConfigureAwait(false);
        phases.Mark("tests ran");
        return new CheckResult(kata, compiled, tests);
    }

    /// <summary>Remembers a check of the learner's own attempt.</summary>
    /// <param name="progress">The kata's progress.</param>
    /// <param name="result">The check.</param>
    public void Record(KataProgress progress, CheckResult result)
    {
        progress.AttemptFingerprint = Fingerprint(result.Kata);
        progress.CompileFailed = !result.Build.Succeeded;
        progress.Passed = result.Tests?.Passed ?? 0;
        progress.Total = result.Tests?.Total ?? 0;
        progress.StagesPassed = result.Tests?.StagesPassed ?? 0;
        progress.EverSolved |= result.Passed;
    }

    /// <summary>
    /// Fingerprints what a check depends on that a learner changes: the attempt's files and the kata's tests.
    /// An unchanged fingerprint means the last check still holds.
    /// </summary>
    /// <param name="kata">The kata.</param>
    /// <returns>A hex digest.</returns>
    public string Fingerprint(Kata kata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string folder in new[] { layout.AttemptFolder(kata), layout.TestsFolder(kata) })
        {
            foreach (string file in KataLayout.SourceFiles(folder))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.Combine(Path.GetFileName(folder), file)));
                hash.AppendData(File.ReadAllBytes(Path.Combine(folder, file)));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Writes a path relative to the repository root, the way a learner sees it.</summary>
    /// <param name="path">A path.</param>
    /// <returns>The relative path, with forward slashes, or the path itself when it is outside the repository.</returns>
    public string Relative(string path)
    {
        string relative = Path.GetRelativePath(layout.Root, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? path : relative).Replace('\\', '/');
    }

    // Writes a mistake recipe out as a complete attempt and returns its folder.
    private static string WriteOut(string recipePath, string folder)
    {
        try
        {
            MistakeRecipe.Load(recipePath).WriteTo(folder);
            return folder;
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException)
        {
            throw new InvalidDataException(exception.Message, exception);
        }
    }
}
