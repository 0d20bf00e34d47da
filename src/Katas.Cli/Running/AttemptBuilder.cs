using Katas.Catalogue;

namespace Katas.Cli.Running;

/// <summary>The end of a build: whether it succeeded and the errors it reported.</summary>
/// <param name="Succeeded">Whether the build succeeded.</param>
/// <param name="Errors">The errors, each once.</param>
/// <param name="Output">Everything the build printed, for when the errors alone do not explain a failure.</param>
internal sealed record BuildResult(bool Succeeded, IReadOnlyList<CompilerMessage> Errors, string Output);

/// <summary>Builds the contract tests of one kata against an attempt, leaving every other kata out of the compilation.</summary>
/// <param name="layout">Where the repository's projects are.</param>
internal sealed class AttemptBuilder(KataLayout layout)
{
    private static readonly TimeSpan BuildTimeLimit = TimeSpan.FromMinutes(5);

    // A warm C# compiler server halves a check (about 3 s down to 1.5 s here), and dotnet keeps one by
    // default. Some machines turn it off with UseSharedCompilation=false; the runner's own builds turn it back
    // on, except under CI (CI=true) or with KATA_NO_COMPILER_SERVER set, where no process may outlive the run.
    // KATA_BUILD_SERVERS=1 asks for the compiler server and the MSBuild server even under CI, for a caller that
    // shuts them down itself (.ci/run does, after verify's fifty-odd builds: they take half the time then).
    private static Dictionary<string, string> BuildServers
    {
        get
        {
            if (Environment.GetEnvironmentVariable("KATA_BUILD_SERVERS") == "1")
            {
                return new()
                {
                    ["UseSharedCompilation"] = "true",
                    ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "1",
                    ["MSBUILDDISABLENODEREUSE"] = "0",
                };
            }

            return string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KATA_NO_COMPILER_SERVER"))
                ? new() { ["UseSharedCompilation"] = "true" }
                : [];
        }
    }

    /// <summary>Builds <c>tests/Katas.Exercises.Tests</c> for one kata.</summary>
    /// <param name="kata">The kata.</param>
    /// <param name="attemptSource">A folder to compile instead of the learner's attempt (a mistake, an alternative), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <returns>The result.</returns>
    public async Task<BuildResult> BuildAsync(Kata kata, string? attemptSource, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "build", layout.ExerciseTestsProject,
            $"-p:Kata={kata.Folder}",
            "-nologo", "-v:q", "-clp:NoSummary",

            // The learner's inner loop: analyzers and XML docs judge style, which CI checks; the tests judge
            // behaviour. Without them the build takes half the time.
            "-p:RunAnalyzers=false", "-p:GenerateDocumentationFile=false",
        ];
        if (attemptSource is not null)
        {
            arguments.Add($"-p:AttemptSource={Path.GetFullPath(attemptSource)}");
        }

        // A restore that has already happened costs a second; skip it while its results are in place.
        if (File.Exists(Path.Combine(Path.GetDirectoryName(layout.ExerciseTestsProject)!, "obj", "project.assets.json"))
            && File.Exists(Path.Combine(layout.ExercisesProject, "obj", "project.assets.json")))
        {
            arguments.Add("--no-restore");
        }

        var result = await ProcessRunner.RunAsync(
            "dotnet", arguments, layout.Root, BuildTimeLimit, environment: BuildServers, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var errors = CompilerMessage.ParseErrors(result.Output);
        bool succeeded = result.ExitCode == 0 && !result.TimedOut;
        if (!succeeded && errors.Count == 0)
        {
            string reason = result.TimedOut ? $"the build did not finish within {BuildTimeLimit.TotalMinutes} minutes" : "the build failed";
            errors = [new CompilerMessage(null, 0, 0, "BUILD", reason)];
        }

        return new BuildResult(succeeded, errors, result.Output);
    }

    /// <summary>Gets the test executable that <see cref="BuildAsync"/> produces.</summary>
    public string TestAssembly => Path.Combine(
        Path.GetDirectoryName(layout.ExerciseTestsProject)!, "bin", "Debug", "net10.0", "Katas.Exercises.Tests.dll");
}
