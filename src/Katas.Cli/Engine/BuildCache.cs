using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Katas.Catalogue;

namespace Katas.Cli.Engine;

/// <summary>
/// Prepares and keeps each kata's <see cref="KataBuild"/> under <c>.kata/build/&lt;Kata&gt;/&lt;key&gt;</c>. The key
/// digests everything the build depends on but the attempt (the stub, the kata's tests and the shared test
/// code, the project and package files, the SDKs installed), so an edit of any of them prepares a new build,
/// and an edit of the attempt never does. Preparing takes an MSBuild build, a few seconds; it happens once.
/// </summary>
/// <param name="layout">The repository.</param>
internal sealed class BuildCache(KataLayout layout)
{
    private static readonly TimeSpan BuildTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>Gets the prepared build of a kata, preparing it first when there is none for the current sources.</summary>
    /// <param name="kata">The kata.</param>
    /// <param name="cancellationToken">Stops the preparation.</param>
    /// <returns>The build, or the errors of a preparation that failed.</returns>
    public async Task<(KataBuild? Build, BuildResult? Failure)> GetAsync(Kata kata, CancellationToken cancellationToken)
    {
        string kataFolder = Path.Combine(layout.StateFolder, "build", kata.Folder);
        string folder = Path.Combine(kataFolder, Key(kata));
        if (KataBuild.Load(folder) is { } ready)
        {
            return (ready, null);
        }

        using var held = await FileLock.TakeAsync(Path.Combine(kataFolder, ".lock"), cancellationToken).ConfigureAwait(false);
        if (KataBuild.Load(folder) is { } preparedMeanwhile)
        {
            return (preparedMeanwhile, null);
        }

        foreach (string stale in Directory.GetDirectories(kataFolder))
        {
            Directory.Delete(stale, recursive: true);
        }

        var (build, failure) = await PrepareAsync(kata, folder, cancellationToken).ConfigureAwait(false);
        build?.Save();
        return (build, failure);
    }

    private async Task<(KataBuild?, BuildResult?)> PrepareAsync(Kata kata, string folder, CancellationToken cancellationToken)
    {
        if (await RestoreAsync(cancellationToken).ConfigureAwait(false) is { } restoreFailure)
        {
            return (null, restoreFailure);
        }

        var built = await SupervisedProcess.RunAsync(
            new ProcessStart(
                "dotnet",
                [
                    "build", layout.ExerciseTestsProject, "--no-restore", "-nologo", "-v:q", "-clp:NoSummary",
                    $"-p:Kata={kata.Folder}", $"-p:AttemptSource={layout.ExerciseFolder(kata)}", $"-p:KataBuildRoot={folder}",

                    // The learner's inner loop: analyzers and XML docs judge style, which CI checks; the tests judge behaviour.
                    "-p:RunAnalyzers=false", "-p:GenerateDocumentationFile=false",
                ],
                layout.Root)
            {
                TimeLimit = BuildTimeLimit,
                Environment = Compiler.BuildEnvironment(),
            },
            CancellationToken.None,
            cancellationToken).ConfigureAwait(false);
        if (built.End != ProcessEnd.Exited || built.ExitCode != 0)
        {
            return (null, BuildResult.Failed(built, "preparing the kata's tests"));
        }

        var attemptPaths = ReadPaths(Path.Combine(folder, KataBuild.AttemptAssembly + ".paths"));
        var testsPaths = ReadPaths(Path.Combine(folder, KataBuild.TestsAssembly + ".paths"));
        string[] generated = [attemptPaths["intermediate"], testsPaths["intermediate"], Path.GetFullPath(testsPaths["packages"])];
        var attempt = CompilerCommand.Read(Path.Combine(folder, KataBuild.AttemptAssembly + ".rsp"), attemptPaths["project"], generated);
        var tests = CompilerCommand.Read(Path.Combine(folder, KataBuild.TestsAssembly + ".rsp"), testsPaths["project"], generated);
        string stubReference = tests.Options
            .Select(option => option.StartsWith("/reference:", StringComparison.Ordinal) ? option["/reference:".Length..].Trim('"') : "")
            .Single(reference => Path.GetFileName(reference) == KataBuild.AttemptAssembly + ".dll");
        string output = testsPaths["output"];

        var listed = new List<ListedTest>();
        var listing = await SupervisedProcess.RunAsync(
            new ProcessStart("dotnet", ["exec", Path.Combine(output, KataBuild.TestsAssembly + ".dll"), "--kata-list"], output)
            {
                TimeLimit = TimeSpan.FromMinutes(1),
                OnOutputLine = (line, _) =>
                {
                    if (line.StartsWith("{\"$type\":\"kata-test\"", StringComparison.Ordinal)
                        && JsonSerializer.Deserialize<ListedTest>(line) is { } test)
                    {
                        listed.Add(test);
                        return true;
                    }

                    return false;
                },
            },
            CancellationToken.None,
            cancellationToken).ConfigureAwait(false);
        if (listing.End != ProcessEnd.Exited || listing.ExitCode != 0)
        {
            return (null, BuildResult.Failed(listing, "listing the kata's tests"));
        }

        string compiler = Path.GetFullPath(attemptPaths["compiler"]);
        var build = new KataBuild(
            folder, compiler, Path.GetFullPath(testsPaths["packages"]), attempt, tests, stubReference, output,
            ApiFingerprint.Of(stubReference), listed);
        return (build, null);
    }

    // The exercise tests are not in Katas.sln, so `dotnet test` at the root does not restore them: the first
    // check does, once its package files change. One restore at a time: they write the projects' obj/ folders.
    private async Task<BuildResult?> RestoreAsync(CancellationToken cancellationToken)
    {
        string project = layout.ExerciseTestsProject;
        string assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
        string[] inputs = [project, Path.Combine(layout.ExercisesProject, "Katas.Exercises.csproj"), .. RepositoryInputs()];
        if (File.Exists(assets) && inputs.All(input => !File.Exists(input) || File.GetLastWriteTimeUtc(input) <= File.GetLastWriteTimeUtc(assets)))
        {
            return null;
        }

        using var held = await FileLock.TakeAsync(Path.Combine(layout.StateFolder, "restore.lock"), cancellationToken).ConfigureAwait(false);
        var restored = await SupervisedProcess.RunAsync(
            new ProcessStart("dotnet", ["restore", project, "-nologo", "-v:q"], layout.Root) { TimeLimit = BuildTimeLimit },
            CancellationToken.None,
            cancellationToken).ConfigureAwait(false);
        return restored.End == ProcessEnd.Exited && restored.ExitCode == 0 ? null : BuildResult.Failed(restored, "restoring the test project's packages");
    }

    // Everything a kata's prepared build depends on except the attempt, digested.
    private string Key(Kata kata)
    {
        var files = RepositoryInputs()
            .Concat([
                layout.ExerciseTestsProject,
                Path.Combine(layout.ExercisesProject, "Katas.Exercises.csproj"),
                Path.Combine(Path.GetDirectoryName(layout.ExerciseTestsProject)!, "obj", "project.assets.json"),
                Path.Combine(layout.ExercisesProject, "obj", "project.assets.json"),
            ])
            .Concat(SourceFiles(Path.Combine(layout.TestsProject, "Shared")))
            .Concat(SourceFiles(layout.TestsFolder(kata)))
            .Concat(SourceFiles(layout.ExerciseFolder(kata)));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(layout.Root, file) + "\n"));
            if (File.Exists(file))
            {
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        // A new SDK builds differently; the runner's own host says where the SDKs are.
        string sdks = Path.Combine(Path.GetDirectoryName(Environment.ProcessPath ?? "") ?? "", "sdk");
        foreach (string sdk in Directory.Exists(sdks) ? Directory.GetDirectories(sdks).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(sdk) + "\n"));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static readonly string[] RepositoryFiles =
        ["global.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", ".editorconfig", "tests/Directory.Build.props"];

    private string[] RepositoryInputs() => [.. RepositoryFiles.Select(file => Path.Combine(layout.Root, file))];

    private static IEnumerable<string> SourceFiles(string folder) =>
        KataLayout.SourceFiles(folder).Select(file => Path.Combine(folder, file));

    private static Dictionary<string, string> ReadPaths(string file) =>
        File.ReadAllLines(file)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
}
