using Katas.Catalogue;

namespace Katas.Cli.Tests;

/// <summary>
/// <c>verify</c> in a throwaway repository that has the kata files but no projects: everything it must
/// report as broken without a successful build. The passing case is CI's own <c>./kata verify</c>.
/// </summary>
public sealed class VerifyTests : IDisposable
{
    private static readonly Kata Lru = KataCatalogue.Find("lru-cache")!;

    private readonly FakeRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task A_drifted_stub_copy_a_stale_recipe_and_an_attempt_that_does_not_build_are_each_reported_broken()
    {
        string mistakes = Path.Combine(_repository.Layout.Root, "tests", "Mistakes", Lru.Folder);
        Directory.CreateDirectory(mistakes);
        File.WriteAllText(
            Path.Combine(mistakes, "Stale.md"),
            "# Stale\n\nWrong.\n\nMade from [Stub](../../../src/Katas.Exercises/LruCache/).\n\n## In `LruCache.cs`, replace\n```csharp\nno such line\n```\n## with\n```csharp\n```\n");

        var (exitCode, output) = await _repository.RunAsync("verify", "lru-cache");

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().MatchRegex(@"BROKEN lru-cache\s+untouched stub copy\s+differs in LruCache\.cs")
            .And.MatchRegex(@"BROKEN lru-cache\s+mistake Stale\s+Stale\.md: the text to replace is not in LruCache\.cs of LruCache; the recipe no longer fits")
            .And.MatchRegex(@"BROKEN lru-cache\s+stub\s+does not compile, but must fail its tests")
            .And.Contain("verify: 0 passed, 3 failed");
    }
}
