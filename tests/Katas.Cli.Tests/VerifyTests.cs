namespace Katas.Cli.Tests;

/// <summary>
/// <c>dev verify</c> reports a candidate that does not behave as it must: a stale recipe, a "mistake" that passes,
/// an answer that fails. It runs on the LRU kata with a folder of mistakes of the test's own.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class VerifyTests : IDisposable
{
    private readonly string _mistakes = Directory.CreateTempSubdirectory("kata-mistakes-").FullName;

    public void Dispose() => Directory.Delete(_mistakes, recursive: true);

    [Fact]
    public async Task A_stale_recipe_and_a_mistake_that_passes_are_each_reported_broken_and_the_stub_and_answers_hold()
    {
        string folder = Directory.CreateDirectory(Path.Combine(_mistakes, "LruCache")).FullName;
        string exemplar = RepositoryLayout.Current.ExemplarFolder(Attempts.Lru);
        File.WriteAllText(
            Path.Combine(folder, "Stale.md"),
            $"# Stale\n\nWrong.\n\nMade from [Exemplar]({exemplar}/).\n\n## In `LruCache.cs`, replace\n```csharp\nno such line\n```\n## with\n```csharp\n```\n");
        File.WriteAllText(
            Path.Combine(folder, "Harmless.md"),
            $"# Harmless\n\nNot a mistake at all.\n\nMade from [Exemplar]({exemplar}/).\n\n## In `LruCache.cs`, replace\n```csharp\n    public int Capacity {{ get; }}\n```\n## with\n```csharp\n    public int Capacity {{ get; }} // still right\n```\n");
        File.Copy(Path.Combine(RepositoryLayout.Current.MistakesFolder, "LruCache", "NoRefreshOnGet.md"), Path.Combine(folder, "NoRefreshOnGet.md"));
        File.WriteAllText(Path.Combine(folder, "NoRefreshOnGet.md"), File.ReadAllText(Path.Combine(folder, "NoRefreshOnGet.md"))
            .Replace("../../../src/Katas.Answers/LruCache/Exemplar/", exemplar + "/", StringComparison.Ordinal));
        var layout = RepositoryLayout.ForChecks with { MistakesFolder = _mistakes };

        var (exitCode, output) = await Runner.RunAsync(layout, null, "dev", "verify", "lru-cache");

        // Verify runs every stage of a candidate at once and names the first failure reported, which can be a theory's
        // case of any stage.
        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().MatchRegex(@"ok\s+lru-cache\s+stub\s+caught by \w+(\(.*\))? \(stage \d\)")
            .And.MatchRegex(@"ok\s+lru-cache\s+mistake NoRefreshOnGet\s+caught by \w+(\(.*\))? \(stage \d\)")
            .And.MatchRegex(@"BROKEN lru-cache\s+mistake Stale\s+Stale\.md: the text to replace is not in LruCache\.cs of Exemplar")
            .And.MatchRegex(@"BROKEN lru-cache\s+mistake Harmless\s+all \d+ tests pass, but must fail its tests")
            .And.MatchRegex(@"ok\s+lru-cache\s+answer Exemplar\s+all \d+ tests pass")
            .And.MatchRegex(@"verify: 3 passed, 2 failed in \d+ s");
    }
}
