using Katas.Catalogue;
using Spectre.Console.Testing;

namespace Katas.Cli.Tests;

/// <summary>
/// A throwaway copy of the repository's kata files (instructions, hints, stubs, answers, references and results
/// files) in a temporary folder, for verbs that read and write files but build nothing.
/// </summary>
internal sealed class FakeRepository : IDisposable
{
    public FakeRepository()
    {
        Layout = new KataLayout(Directory.CreateTempSubdirectory("kata-repo-").FullName);
        File.WriteAllText(Path.Combine(Layout.Root, KataLayout.SolutionFileName), "");
        var real = RepositoryLayout.Current;
        foreach (var kata in KataCatalogue.All)
        {
            CopyFolder(real.ExerciseFolder(kata), Layout.ExerciseFolder(kata));
            CopyFolder(real.SolutionFolder(kata), Layout.SolutionFolder(kata));
            CopyFolder(real.AnswersFolder(kata), Layout.AnswersFolder(kata));
            if (File.Exists(real.ResultsFile(kata)))
            {
                Directory.CreateDirectory(Layout.BenchmarkFolder(kata));
                File.Copy(real.ResultsFile(kata), Layout.ResultsFile(kata));
            }
        }
    }

    public KataLayout Layout { get; }

    public void Dispose() => Directory.Delete(Layout.Root, recursive: true);

    public Task<(int ExitCode, string Output)> RunAsync(params string[] args) => Runner.RunAsync(Layout, null, args);

    /// <summary>Changes the LRU kata's saved progress.</summary>
    /// <param name="change">The change.</param>
    public void Update(Action<Progress.KataProgress> change) => Progress.ProgressStore.Update(Layout.Root, store => change(store.For("lru-cache")));

    public Task<(int ExitCode, string Output)> RunAsync(Action<TestConsole> prepare, params string[] args) => Runner.RunAsync(Layout, prepare, args);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
