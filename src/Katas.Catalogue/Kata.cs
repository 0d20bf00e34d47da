using System.Globalization;
using System.Text;

namespace Katas.Catalogue;

/// <summary>How hard a kata is, as an interviewer would rate it.</summary>
public enum KataDifficulty
{
    /// <summary>A warm-up: one data structure, one invariant.</summary>
    Easy,

    /// <summary>Two structures working together, or one subtle invariant.</summary>
    Medium,

    /// <summary>Concurrency, or an algorithm whose fast form is not the obvious one.</summary>
    Hard,
}

/// <summary>One entry of the catalogue: everything the runner needs to know about a kata.</summary>
/// <param name="Slug">The kata's name on the command line, in kebab case (<c>lru-cache</c>).</param>
/// <param name="Title">The kata's name for people.</param>
/// <param name="Difficulty">How hard it is.</param>
/// <param name="Track">The group it belongs to on the board (Caching, Concurrency, ...).</param>
/// <param name="Question">The interview question it comes from, as it is asked.</param>
/// <param name="Benchmarked">Whether it has a benchmark class comparing the attempt with the reference and peers.</param>
public sealed record Kata(
    string Slug,
    string Title,
    KataDifficulty Difficulty,
    string Track,
    string Question,
    bool Benchmarked)
{
    /// <summary>
    /// Gets the folder that holds this kata in every project (<c>LruCache</c> for <c>lru-cache</c>): the
    /// stub in <c>src/Katas.Exercises</c>, the reference in <c>src/Katas.Solutions</c>, the tests in
    /// <c>tests/Katas.Tests</c> and the benchmark in <c>benchmarks/Katas.Benchmarks</c>.
    /// </summary>
    public string Folder { get; } = ToPascalCase(Slug);

    private static string ToPascalCase(string slug)
    {
        var folder = new StringBuilder(slug.Length);
        foreach (string word in slug.Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            folder.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
        }

        return folder.ToString();
    }
}
