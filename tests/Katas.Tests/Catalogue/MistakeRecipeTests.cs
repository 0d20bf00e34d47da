using Katas.Catalogue;

namespace Katas.Tests;

/// <summary>
/// Mistakes written as recipes (edits of a correct attempt) still fit the attempts they edit, and the recipe
/// format itself reads and applies as documented. Whether the tests reject each mistake is <c>./kata verify</c>'s job.
/// </summary>
public sealed class MistakeRecipeTests : IDisposable
{
    private static readonly KataLayout Layout = KataLayout.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {KataLayout.SolutionFileName} above {AppContext.BaseDirectory}.");

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "katas-recipe-tests", Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Recipes() =>
        [.. KataCatalogue.All.SelectMany(Layout.Mistakes).Where(path => path.EndsWith(".md", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Layout.Root, path).Replace('\\', '/'))];

    public void Dispose()
    {
        if (Directory.Exists(_scratch))
        {
            Directory.Delete(_scratch, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Every_recipe_applies_to_an_answer_of_its_kata_and_changes_it(string recipePath)
    {
        var recipe = MistakeRecipe.Load(Path.Combine(Layout.Root, recipePath));
        var kata = KataCatalogue.All.Single(kata => recipePath.Replace('\\', '/').Contains($"/{kata.Folder}/", StringComparison.Ordinal));

        Layout.AnswerFolders(kata).Should().Contain(recipe.BaseFolder, "a mistake edits one of its kata's answers");
        recipe.WriteTo(_scratch);

        var written = KataLayout.SourceFiles(_scratch);
        written.Should().Equal(KataLayout.SourceFiles(recipe.BaseFolder));
        string[] mistaken = [.. written.Select(file => File.ReadAllText(Path.Combine(_scratch, file)))];
        mistaken[0].Should().StartWith($"// Mistake: {recipe.Description}\n");
        string.Concat(mistaken).Should().NotContain("// Alternative:", "the mistake's note replaces the alternative's");
    }

    [Fact]
    public void A_mistake_written_in_full_says_in_its_first_line_that_it_is_a_different_design()
    {
        var folders = KataCatalogue.All.SelectMany(Layout.Mistakes).Where(Directory.Exists).ToList();

        folders.Should().AllSatisfy(folder => KataLayout.SourceFiles(folder).Should().Contain(file =>
            File.ReadLines(Path.Combine(folder, file)).First().StartsWith("// Mistake: a different design", StringComparison.Ordinal),
            $"{Path.GetFileName(folder)} is a full copy, which only a different design may be"));
    }

    [Fact]
    public void A_recipe_reads_its_description_base_and_edits_and_applies_them_in_order()
    {
        string baseFolder = WriteBase("// Alternative: counts up.\nclass Counter\n{\n    int Next() => _count++;\n    int _count;\n}\n");
        var recipe = MistakeRecipe.Parse(
            "# OffByOne\n\nCounts from one\ninstead of zero.\n\nMade from [Base](base/) by the edits below.\n\n"
            + "## In `Counter.cs`, replace\n\n```csharp\n    int Next() => _count++;\n```\n\n## with\n\n```csharp\n    int Next() => ++_count;\n```\n\n"
            + "## In `Counter.cs`, replace\n```csharp\n    int _count;\n```\n## with\n```csharp\n```\n",
            Path.Combine(_scratch, "OffByOne.md"));

        recipe.Name.Should().Be("OffByOne");
        recipe.Description.Should().Be("Counts from one instead of zero.");
        recipe.BaseFolder.Should().Be(baseFolder);
        recipe.Edits.Should().HaveCount(2);

        string target = Path.Combine(_scratch, "out");
        recipe.WriteTo(target);

        File.ReadAllText(Path.Combine(target, "Counter.cs"))
            .Should().Be("// Mistake: Counts from one instead of zero.\nclass Counter\n{\n    int Next() => ++_count;\n}\n");
    }

    [Theory]
    [InlineData("    int _missing;\n", "is not in")]
    [InlineData("{\n", "occurs more than once in")]
    public void A_recipe_whose_text_is_missing_or_ambiguous_no_longer_fits_and_writes_nothing(string find, string complaint)
    {
        WriteBase("class Counter\n{\n    int _count;\n}\nclass Other\n{\n}\n");
        var recipe = MistakeRecipe.Parse(
            $"# Stale\n\nWrong.\n\nMade from [Base](base/).\n\n## In `Counter.cs`, replace\n```csharp\n{find}```\n## with\n```csharp\n```\n",
            Path.Combine(_scratch, "Stale.md"));
        string target = Path.Combine(_scratch, "out");

        Action write = () => recipe.WriteTo(target);

        write.Should().Throw<InvalidOperationException>().WithMessage($"*{complaint}*no longer fits*");
        Directory.Exists(target).Should().BeFalse();
    }

    [Theory]
    [InlineData("# M\n\nMade from [Base](base/).\n\n## In `A.cs`, replace\n```\nx\n```\n## with\n```\n```\n", "*what the mistake gets wrong*")]
    [InlineData("# M\n\nWrong.\n\n## In `A.cs`, replace\n```\nx\n```\n## with\n```\n```\n", "*Made from*")]
    [InlineData("# M\n\nWrong.\n\nMade from [Base](base/).\n", "*at least one*")]
    [InlineData("# M\n\nWrong.\n\nMade from [Base](base/).\n\n## In `A.cs`, replace\n```\nx\n```\n", "*## with*")]
    [InlineData("# M\n\nWrong.\n\nMade from [Base](base/).\n\n## In `A.cs`, replace\nx\n## with\n```\n```\n", "*fenced code block*")]
    [InlineData("# M\n\nWrong.\n\nMade from [Base](base/).\n\n## In `A.cs`, replace\n```\nx\n## with\n", "*never closed*")]
    public void A_malformed_recipe_is_rejected_with_what_is_missing(string markdown, string message)
    {
        Action parse = () => MistakeRecipe.Parse(markdown, Path.Combine(_scratch, "M.md"));

        parse.Should().Throw<FormatException>().WithMessage(message);
    }

    private string WriteBase(string counter)
    {
        string folder = Path.Combine(_scratch, "base");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Counter.cs"), counter);
        return folder;
    }
}
