namespace Katas.Catalogue;

/// <summary>Reads a kata's HINTS.md: one <c>## Hint N</c> section a hint, in the order they are revealed.</summary>
public static class Hints
{
    private const string Heading = "## ";

    /// <summary>Splits the text of a HINTS.md file into its hints.</summary>
    /// <param name="markdown">The file's text.</param>
    /// <returns>The body of each level-two section, trimmed, in file order; text before the first section is left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var hints = new List<string>();
        List<string>? current = null;
        foreach (string line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith(Heading, StringComparison.Ordinal))
            {
                Flush();
                current = [];
            }
            else
            {
                current?.Add(line);
            }
        }

        Flush();
        return hints;

        void Flush()
        {
            if (current is not null)
            {
                hints.Add(string.Join('\n', current).Trim());
            }
        }
    }
}
