using System.Security.Cryptography;
using System.Text;
using Katas.Catalogue;
using Katas.Cli.Progress;

namespace Katas.Cli.Running;

/// <summary>The result of checking an attempt: a build that failed, or a test run.</summary>
/// <param name="Kata">The kata checked.</param>
/// <param name="Build">The build.</param>
/// <param name="Tests">The test run, or <see langword="null"/> when the build failed.</param>
internal sealed record CheckResult(Kata Kata, BuildResult Build, TestRunResult? Tests)
{
    /// <summary>Gets whether the attempt compiled and passed every test.</summary>
    public bool Passed => Build.Succeeded && Tests is { AllPassed: true };
}

/// <summary>Checks attempts: builds one kata's contract tests against the attempt and runs them.</summary>
/// <param name="layout">Where the repository's projects are.</param>
internal sealed class KataChecker(KataLayout layout)
{
    /// <summary>How long a test run may take by default before its unfinished tests count as blocked.</summary>
    public static readonly TimeSpan DefaultTestTimeLimit = TimeSpan.FromMinutes(2);

    private readonly AttemptBuilder _builder = new(layout);

    /// <summary>Checks an attempt at a kata.</summary>
    /// <param name="kata">The kata.</param>
    /// <param name="attemptSource">
    /// A folder to check instead of the learner's attempt, or a mistake recipe (<c>.md</c>) to write out and check;
    /// <see langword="null"/> for the learner's attempt.
    /// </param>
    /// <param name="testTimeLimit">How long the tests may run.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidDataException">The recipe is malformed, or no longer fits the attempt it edits.</exception>
    public async Task<CheckResult> CheckAsync(Kata kata, string? attemptSource, TimeSpan testTimeLimit, CancellationToken cancellationToken)
    {
        if (attemptSource is not null && attemptSource.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            attemptSource = WriteOut(kata, attemptSource);
        }

        attemptSource ??= Directory.Exists(layout.AttemptFolder(kata)) ? layout.AttemptFolder(kata) : layout.ExerciseFolder(kata);
        var build = await _builder.BuildAsync(kata, attemptSource, cancellationToken).ConfigureAwait(false);
        if (!build.Succeeded)
        {
            return new CheckResult(kata, build, null);
        }

        var tests = await TestRunner.RunAsync(_builder.TestAssembly, layout.Root, testTimeLimit, cancellationToken).ConfigureAwait(false);
        return new CheckResult(kata, build, tests);
    }

    // Writes a mistake recipe out as a complete attempt and returns its folder.
    private string WriteOut(Kata kata, string recipePath)
    {
        try
        {
            var recipe = MistakeRecipe.Load(recipePath);
            string folder = Path.Combine(layout.StateFolder, "mistakes", kata.Folder, recipe.Name);
            recipe.WriteTo(folder);
            return folder;
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException)
        {
            throw new InvalidDataException(exception.Message, exception);
        }
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
        progress.EverSolved |= result.Passed;
    }

    /// <summary>
    /// Fingerprints what a check depends on that a learner changes: the attempt's files and the kata's
    /// tests. An unchanged fingerprint means the last check still holds.
    /// </summary>
    /// <param name="kata">The kata.</param>
    /// <returns>A hex digest.</returns>
    public string Fingerprint(Kata kata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string folder in new[] { layout.ExerciseFolder(kata), layout.TestsFolder(kata) })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(layout.Root, file)));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
