using System.Reflection;
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
    public void A_kata_has_two_to_five_stages_numbered_from_one_each_with_its_hints(string slug)
    {
        var kata = KataCatalogue.Find(slug)!;

        var stages = Layout.Stages(kata);
        var hints = Hints.Parse(File.ReadAllText(Layout.HintsFile(kata)));

        stages.Should().HaveCountGreaterThanOrEqualTo(2).And.HaveCountLessThanOrEqualTo(5, "a kata's README has a section '## Stage N: Title' per stage");
        stages.Select(stage => stage.Number).Should().Equal(Enumerable.Range(1, stages.Count), "the stages are numbered 1, 2, ... in order");
        stages.Should().AllSatisfy(stage => stage.Title.Should().NotBeNullOrWhiteSpace());
        hints.Keys.Order().Should().Equal(stages.Select(stage => stage.Number), "HINTS.md has a section '## Stage N' for each stage and no other");
        hints.Values.Should().AllSatisfy(stageHints => stageHints.Should().NotBeEmpty().And.AllSatisfy(hint => hint.Should().NotBeNullOrWhiteSpace()));
        hints.Values.Sum(stageHints => stageHints.Count).Should().BeGreaterThanOrEqualTo(3);
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void Every_test_of_a_kata_is_in_exactly_one_of_its_stages_and_every_stage_has_tests(string slug)
    {
        var kata = KataCatalogue.Find(slug)!;
        string folder = Path.Combine("tests", "Katas.Tests", kata.Folder) + Path.DirectorySeparatorChar;

        var tests = typeof(CatalogueTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Select(method => (Method: method, Fact: method.GetCustomAttribute<FactAttribute>()))
            .Where(test => test.Fact?.SourceFilePath?.Replace('/', Path.DirectorySeparatorChar).Contains(folder, StringComparison.Ordinal) == true)
            .ToList();
        var stages = tests.Select(test => (test.Method, Stages: test.Method.GetCustomAttributes<StageAttribute>()
            .Concat(test.Method.DeclaringType!.GetCustomAttributes<StageAttribute>()).Select(stage => stage.Number).ToList())).ToList();

        tests.Should().NotBeEmpty();
        stages.Should().AllSatisfy(test => test.Stages.Should().ContainSingle(
            $"{test.Method.DeclaringType!.Name}.{test.Method.Name} needs exactly one [Stage(n)], on the test or on its class"));
        stages.Select(test => test.Stages.FirstOrDefault()).Distinct().Order()
            .Should().Equal(Layout.Stages(kata).Select(stage => stage.Number), "every stage in the README has tests, and every test's stage is in the README");
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void A_kata_has_an_exemplar_and_says_why_each_answer_is_designed_as_it_is(string slug)
    {
        var kata = KataCatalogue.Find(slug)!;

        KataLayout.SourceFiles(Layout.ExemplarFolder(kata)).Should().NotBeEmpty("every kata has an exemplar");
        string answers = File.ReadAllText(Layout.AnswersFile(kata));
        var sections = AnswerSections(answers);
        sections.Should().Equal(
            ["Exemplar", .. Layout.AnswerFolders(kata).Skip(1).Select(Path.GetFileName), "Reference"],
            "the answers README has a section per answer, the exemplar first and the reference last");
    }

    [Theory]
    [MemberData(nameof(Slugs))]
    public void A_kata_has_a_results_file_with_its_headline(string slug)
    {
        var kata = KataCatalogue.Find(slug)!;

        File.Exists(Layout.ResultsFile(kata)).Should().BeTrue("a kata's benchmark table, caught mistakes and mutation score live beside its benchmark");
        Headline(kata).Should().NotBeNullOrWhiteSpace("the results file has a line '**Headline:** ...'");
    }

    [Fact]
    public void The_readme_lists_every_kata_of_the_catalogue_in_order_with_its_headline()
    {
        string readme = File.ReadAllText(Path.Combine(Layout.Root, "README.md")).ReplaceLineEndings("\n");
        int start = readme.IndexOf(ReadmeTable.Start, StringComparison.Ordinal);
        int end = readme.IndexOf(ReadmeTable.End, StringComparison.Ordinal);

        start.Should().BeGreaterThanOrEqualTo(0, "the README's kata table starts with a marker");
        end.Should().BeGreaterThan(start, "and ends with one");
        readme[start..end].Should().Be(ReadmeTable.Make(Layout), "the README's kata table is made from the catalogue and the results files (./kata dev new writes it)");
    }

    [Fact]
    public void Every_kata_folder_is_in_the_catalogue()
    {
        var catalogued = KataCatalogue.All.Select(kata => kata.Folder).ToHashSet();
        string[] projects = [Layout.ExercisesProject, Layout.SolutionsProject, Layout.AnswersProject, Layout.TestsProject, Layout.BenchmarksProject, Path.Combine(Layout.Root, "tests", "Mistakes")];
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
    public void Hints_are_the_level_three_sections_of_each_stage_in_order()
    {
        var hints = Hints.Parse("# Hints\nintro\n## Stage 1\n### Hint 1\nfirst\n\n### Hint 2\nsecond\nline\n## Stage 2\nabout\n### Hint 1\nthird\n");

        hints.Keys.Should().Equal(1, 2);
        hints[1].Should().Equal("first", "second\nline");
        hints[2].Should().Equal("third");
    }

    [Fact]
    public void Stages_are_the_numbered_stage_sections_of_the_readme()
    {
        var stages = KataStage.Parse("# Kata\n## The API\n## Stage 1: The cache\ntext\n## Stage 2: Bad input \n## Check\n");

        stages.Should().Equal(new KataStage(1, "The cache"), new KataStage(2, "Bad input"));
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

    private static string? Headline(Kata kata) => File.Exists(Layout.ResultsFile(kata))
        ? File.ReadLines(Layout.ResultsFile(kata)).FirstOrDefault(line => line.StartsWith("**Headline:** ", StringComparison.Ordinal))?["**Headline:** ".Length..].Trim()
        : null;

    private static List<string> AnswerSections(string markdown) =>
        [.. markdown.ReplaceLineEndings("\n").Split('\n')
            .Where(line => line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => line[3..].Trim())];
}
