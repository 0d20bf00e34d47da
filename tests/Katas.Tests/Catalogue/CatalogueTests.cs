using Katas.Catalogue;

namespace Katas.Tests;

/// <summary>Every kata in the catalogue has every part of the kata pattern, and nothing exists outside it.</summary>
public sealed class CatalogueTests
{
    private static readonly KataLayout Layout = KataLayout.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {KataLayout.SolutionFileName} above {AppContext.BaseDirectory}.");

    public static TheoryData<string> Slugs() => [.. KataCatalogue.All.Select(kata => kata.Slug)];

    [Fact]
    public void Slugs_are_unique_kebab_case_names()
    {
        KataCatalogue.All.Should().NotBeEmpty();
        KataCatalogue.All.Select(kata => kata.Slug).Should().OnlyHaveUniqueItems();
        KataCatalogue.All.Should().AllSatisfy(kata => kata.Slug.Should().MatchRegex("^[a-z0-9]+(-[a-z0-9]+)*$"));
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void A_kata_has_instructions_a_stub_a_reference_and_tests(string slug)
    {
        var kata = KataCatalogue.Find(slug)!;

        File.ReadAllText(Layout.InstructionsFile(kata)).Should().Contain(kata.Title, "the instructions start with the kata's name")
            .And.Contain(kata.Question[..40], "the instructions quote the interview question");
        Directory.GetFiles(Layout.ExerciseFolder(kata), "*.cs").Should().NotBeEmpty("the stub lives beside the instructions");
        Directory.GetFiles(Layout.SolutionFolder(kata), "*.cs").Should().NotBeEmpty("the reference has its own folder");
        Directory.GetFiles(Layout.TestsFolder(kata), "*.cs").Should().NotBeEmpty("the contract tests have their own folder");
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void A_kata_has_at_least_three_hints(string slug)
    {
        var kata = KataCatalogue.Find(slug)!;

        var hints = Hints.Parse(File.ReadAllText(Layout.HintsFile(kata)));

        hints.Should().HaveCountGreaterThanOrEqualTo(3).And.AllSatisfy(hint => hint.Should().NotBeNullOrWhiteSpace());
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void A_benchmarked_kata_has_a_benchmark_folder_and_an_unbenchmarked_one_has_none(string slug)
    {
        var kata = KataCatalogue.Find(slug)!;

        Directory.Exists(Layout.BenchmarkFolder(kata)).Should().Be(kata.Benchmarked);
    }

    [Fact]
    public void Every_kata_folder_is_in_the_catalogue()
    {
        var catalogued = KataCatalogue.All.Select(kata => kata.Folder).ToHashSet();
        string[] projects = [Layout.ExercisesProject, Layout.SolutionsProject, Layout.TestsProject, Layout.BenchmarksProject];
        string[] notKatas = ["bin", "obj", "Properties", "Catalogue", "Shared"];

        // A kata folder holds C# files; tool output (TestResults, StrykerOutput, ...) does not.
        var folders = projects
            .SelectMany(Directory.GetDirectories)
            .Where(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Any())
            .Select(Path.GetFileName)
            .Where(name => !notKatas.Contains(name));

        folders.Should().OnlyContain(folder => catalogued.Contains(folder!), "a kata exists only through its catalogue entry");
    }

    [Fact]
    public void Hints_are_the_level_two_sections_in_order()
    {
        var hints = Hints.Parse("# Hints\nintro\n## Hint 1\nfirst\n\n## Hint 2\nsecond\nline\n");

        hints.Should().Equal("first", "second\nline");
    }

    [Theory]
    [InlineData("lru-cache", "LruCache")]
    [InlineData("sliding-window-max", "SlidingWindowMax")]
    public void The_folder_is_the_slug_in_pascal_case(string slug, string folder)
    {
        var kata = new Kata(slug, "t", KataDifficulty.Easy, "track", "question", Benchmarked: false);

        kata.Folder.Should().Be(folder);
    }

    [Theory]
    [InlineData("lru", "lru-cache")]
    [InlineData("lru-cahce", "lru-cache")]
    [InlineData("LRU-CACHE", "lru-cache")]
    public void A_mistyped_slug_suggests_the_closest_kata(string typed, string expected)
    {
        KataCatalogue.Closest(typed).Slug.Should().Be(expected);
    }
}
