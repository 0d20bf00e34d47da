using System.Diagnostics;
using Katas.Catalogue;

namespace Katas.Cli.Tests;

/// <summary>
/// <c>dev new</c> scaffolds a kata in a throwaway copy of the repository: only new files and the catalogue change
/// (and the README's table, which is made from the catalogue), the scaffold builds with warnings as errors, its
/// tests pass against its reference and fail against its stub, and <c>dev verify</c> accepts it.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class DevNewTests : IDisposable
{
    private static readonly string[] Skipped = ["bin", "obj", ".git", ".kata", "attempts", "practice", "TestResults", "BenchmarkDotNet.Artifacts", "StrykerOutput", "coverage-report"];

    private readonly string _copy = Directory.CreateTempSubdirectory("kata-copy-").FullName;

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact(Timeout = 600_000)]
    public async Task A_scaffolded_kata_builds_its_stub_fails_and_its_answers_pass()
    {
        Copy(RepositoryLayout.Current.Root, _copy);
        var layout = new KataLayout(_copy);
        var before = Files(_copy);

        var (exitCode, output) = await Runner.RunAsync(
            layout, null, TestContext.Current.CancellationToken, "dev", "new", "some-kata", "--track", "Collections", "--difficulty", "Easy");

        exitCode.Should().Be(ExitCodes.Success, output);
        var after = Files(_copy);
        var created = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = before.Keys.Where(file => after.TryGetValue(file, out string? text) && text != before[file]).Order(StringComparer.Ordinal).ToList();
        created.Should().Equal(
            "benchmarks/Katas.Benchmarks/SomeKata/README.md",
            "benchmarks/Katas.Benchmarks/SomeKata/SomeKataBenchmarks.cs",
            "src/Katas.Answers/SomeKata/Exemplar/Exemplar.csproj",
            "src/Katas.Answers/SomeKata/Exemplar/SomeKata.cs",
            "src/Katas.Answers/SomeKata/README.md",
            "src/Katas.Exercises/SomeKata/HINTS.md",
            "src/Katas.Exercises/SomeKata/README.md",
            "src/Katas.Exercises/SomeKata/SomeKata.cs",
            "src/Katas.Solutions/SomeKata/SomeKata.cs",
            "tests/Katas.Tests/SomeKata/SomeKataCoreTests.cs",
            "tests/Katas.Tests/SomeKata/SomeKataInputTests.cs",
            "tests/Mistakes/SomeKata/AddsNegativesToo.md");
        changed.Should().Equal(["README.md", "src/Katas.Catalogue/KataCatalogue.cs"], "only the catalogue changes, and the README's table made from it");
        after["src/Katas.Exercises/SomeKata/README.md"].Should().Contain("TODO(kata dev new)");

        // The scaffold builds with warnings as errors; the catalogue's and the API's rules hold; its tests pass against the reference.
        await RunAsync("dotnet", "build", "src/Katas.Cli", "-warnaserror", "-nologo", "-v:q");
        await RunAsync("dotnet", "build", "tests/Katas.Tests", "-warnaserror", "-nologo", "-v:q");
        await RunAsync("dotnet", "build", "benchmarks/Katas.Benchmarks", "-p:Kata=SomeKata", "-warnaserror", "-nologo", "-v:q");
        string tests = await RunAsync(
            "dotnet", "tests/Katas.Tests/bin/Debug/net10.0/Katas.Tests.dll", "-noColor",
            "-class", "Katas.Tests.CatalogueTests", "-class", "Katas.Tests.PublicApiTests", "-class", "Katas.Tests.SomeKataCoreTests", "-class", "Katas.Tests.SomeKataInputTests");
        tests.Should().Contain("Failed: 0");

        // The stub fails, the mistake is caught, the exemplar passes: the runner built from the copy says so. Verify
        // names the first failure reported, and the stub fails in both stages, so either may catch it.
        string verified = await RunAsync("dotnet", "src/Katas.Cli/bin/Debug/net10.0/kata.dll", "dev", "verify", "some-kata");
        verified.Should().MatchRegex(@"ok\s+some-kata\s+stub\s+caught by \w+(\(.*\))? \(stage \d\)")
            .And.MatchRegex(@"ok\s+some-kata\s+mistake AddsNegativesToo\s+caught by A_negative_value_is_rejected.* \(stage 2\)")
            .And.MatchRegex(@"ok\s+some-kata\s+answer Exemplar\s+all \d+ tests pass")
            .And.Contain("verify: 3 passed, 0 failed");
    }

    private async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _copy, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        string text = await output + await errors;
        process.ExitCode.Should().Be(0, $"{program} {string.Join(' ', args)} failed:\n{text}");
        return text;
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => !file.Split('/').Any(Skipped.Contains))
            .ToDictionary(file => file, file => File.ReadAllText(Path.Combine(root, file)), StringComparer.Ordinal);

    private static void Copy(string from, string to)
    {
        foreach (string folder in Directory.GetDirectories(from))
        {
            if (!Skipped.Contains(Path.GetFileName(folder)))
            {
                Copy(folder, Directory.CreateDirectory(Path.Combine(to, Path.GetFileName(folder))).FullName);
            }
        }

        foreach (string file in Directory.GetFiles(from))
        {
            if (!Path.GetFileName(file).StartsWith(".kata-state", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }
}
