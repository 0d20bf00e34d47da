using System.Text;

namespace Katas.Catalogue;

/// <summary>
/// The top README's table of katas, made from the catalogue and each kata's results file between two markers,
/// so that no one keeps it by hand: <c>dev new</c> rewrites it, and a test checks it is current.
/// </summary>
public static class ReadmeTable
{
    /// <summary>The line before the table.</summary>
    public const string Start = "<!-- katas: made from the catalogue by ./kata dev new; a test checks it -->";

    /// <summary>The line after the table.</summary>
    public const string End = "<!-- end katas -->";

    /// <summary>Rewrites the table in the README, if it has the markers.</summary>
    /// <param name="layout">The repository.</param>
    /// <returns>Whether the README changed.</returns>
    public static bool Write(KataLayout layout) => Write(layout, KataCatalogue.All);

    /// <summary>Rewrites the table in the README for a list of katas, if it has the markers.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="katas">The katas, in the order of the board; the catalogue's with a new one, while it is scaffolded.</param>
    /// <returns>Whether the README changed.</returns>
    public static bool Write(KataLayout layout, IReadOnlyList<Kata> katas)
    {
        ArgumentNullException.ThrowIfNull(layout);
        string readme = Path.Combine(layout.Root, "README.md");
        if (!File.Exists(readme))
        {
            return false;
        }

        string text = File.ReadAllText(readme).ReplaceLineEndings("\n");
        int start = text.IndexOf(Start, StringComparison.Ordinal);
        int end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return false;
        }

        string updated = text[..start] + Make(layout, katas) + text[end..];
        if (updated == text)
        {
            return false;
        }

        File.WriteAllText(readme, updated);
        return true;
    }

    /// <summary>Makes the table, with its start marker and a line break before the end marker.</summary>
    /// <param name="layout">The repository.</param>
    /// <returns>The text.</returns>
    public static string Make(KataLayout layout) => Make(layout, KataCatalogue.All);

    /// <summary>Makes the table for a list of katas, with its start marker and a line break before the end marker.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="katas">The katas, in the order of the board.</param>
    /// <returns>The text.</returns>
    public static string Make(KataLayout layout, IReadOnlyList<Kata> katas)
    {
        ArgumentNullException.ThrowIfNull(katas);
        var table = new StringBuilder(Start).Append('\n')
            .Append("| kata | track | difficulty | stages | interview question | headline result |\n")
            .Append("|---|---|---|---|---|---|\n");
        foreach (var kata in katas)
        {
            table.Append(Row(layout, kata)).Append('\n');
        }

        return table.ToString();
    }

    /// <summary>Makes a kata's row.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="kata">The kata.</param>
    /// <returns>The row.</returns>
    public static string Row(KataLayout layout, Kata kata) =>
        $"| [`{kata.Slug}`](src/Katas.Exercises/{kata.Folder}/README.md) | {kata.Track} | {kata.Difficulty} | {layout.Stages(kata).Count} "
        + $"| {kata.Question} | {Headline(layout, kata)} ([results](benchmarks/Katas.Benchmarks/{kata.Folder}/README.md)) |";

    /// <summary>Reads a kata's headline from its results file.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="kata">The kata.</param>
    /// <returns>The headline, or "not measured yet".</returns>
    public static string Headline(KataLayout layout, Kata kata) =>
        (File.Exists(layout.ResultsFile(kata))
            ? File.ReadLines(layout.ResultsFile(kata)).FirstOrDefault(line => line.StartsWith("**Headline:** ", StringComparison.Ordinal))?["**Headline:** ".Length..].Trim()
            : null) ?? "not measured yet";
}
