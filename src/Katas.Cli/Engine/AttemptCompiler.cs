using Katas.Catalogue;

namespace Katas.Cli.Engine;

/// <summary>
/// Compiles an attempt against a kata's <see cref="KataBuild"/> into a <see cref="RunFolder"/>: the attempt's
/// files with the stub's compiler command line, then the prepared test program beside it, compiled again only
/// when the attempt's API is not the stub's (a renamed member then shows as the tests' compile errors).
/// </summary>
internal static class AttemptCompiler
{
    private static readonly TimeSpan CompileTimeLimit = TimeSpan.FromMinutes(2);

    /// <summary>Compiles an attempt and puts a test program that runs it into the run folder.</summary>
    /// <param name="build">The kata's prepared build.</param>
    /// <param name="attemptFolder">The attempt's folder of C# files.</param>
    /// <param name="run">The check's folder.</param>
    /// <param name="cancellationToken">Stops the compile.</param>
    /// <returns>The result; on success the run folder holds the test program.</returns>
    public static async Task<BuildResult> CompileAsync(KataBuild build, string attemptFolder, RunFolder run, CancellationToken cancellationToken)
    {
        var sources = KataLayout.SourceFiles(attemptFolder).Select(file => Path.Combine(attemptFolder, file)).ToList();
        if (sources.Count == 0)
        {
            return new BuildResult(false, [new Running.CompilerMessage(null, 0, 0, "ATTEMPT", $"There is no C# file in {attemptFolder}.")], "");
        }

        string attempt = Path.Combine(run.Path, KataBuild.AttemptAssembly + ".dll");
        string reference = Path.Combine(run.Path, "ref", KataBuild.AttemptAssembly + ".dll");
        Directory.CreateDirectory(Path.GetDirectoryName(reference)!);
        string attemptCommand = Path.Combine(run.Path, "attempt.rsp");
        build.Attempt.WriteResponseFile(attemptCommand, sources, attempt, reference);
        if (await RunCompilerAsync(build, attemptCommand, build.Attempt.ProjectDirectory, "compiling the attempt", cancellationToken).ConfigureAwait(false) is { } failure)
        {
            return failure;
        }

        string tests = Path.Combine(run.Path, KataBuild.TestsAssembly + ".dll");
        if (ApiFingerprint.Of(reference) == build.StubApi)
        {
            File.Copy(Path.Combine(build.TestsOutput, KataBuild.TestsAssembly + ".dll"), tests);
            File.Copy(Path.Combine(build.TestsOutput, KataBuild.TestsAssembly + ".pdb"), Path.ChangeExtension(tests, ".pdb"));
        }
        else
        {
            string testsCommand = Path.Combine(run.Path, "tests.rsp");
            build.Tests.WriteResponseFile(testsCommand, build.Tests.ProjectSources, tests, null, (build.StubReference, reference));
            if (await RunCompilerAsync(build, testsCommand, build.Tests.ProjectDirectory, "compiling the tests against the attempt", cancellationToken)
                .ConfigureAwait(false) is { } testsFailure)
            {
                return testsFailure;
            }
        }

        foreach (string file in new[] { ".deps.json", ".runtimeconfig.json" })
        {
            File.Copy(Path.Combine(build.TestsOutput, KataBuild.TestsAssembly + file), Path.Combine(run.Path, KataBuild.TestsAssembly + file));
        }

        return BuildResult.Success;
    }

    private static async Task<BuildResult?> RunCompilerAsync(KataBuild build, string responseFile, string directory, string what, CancellationToken cancellationToken)
    {
        var compiled = await SupervisedProcess.RunAsync(
            new ProcessStart("dotnet", Compiler.Arguments(build.Compiler, responseFile), directory) { TimeLimit = CompileTimeLimit },
            CancellationToken.None,
            cancellationToken).ConfigureAwait(false);
        return compiled.End == ProcessEnd.Exited && compiled.ExitCode == 0 ? null : BuildResult.Failed(compiled, what);
    }
}
