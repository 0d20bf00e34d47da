using System.Globalization;
using System.Text.RegularExpressions;

namespace Katas.Catalogue;

/// <summary>
/// Reads a kata's HINTS.md: a section <c>## Stage N</c> for each stage, holding that stage's hints as
/// <c>### Hint M</c> sections, in the order they are revealed.
/// </summary>
public static partial class Hints
{
    /// <summary>Splits the text of a HINTS.md file into each stage's hints.</summary>
    /// <param name="markdown">The file's text.</param>
    /// <returns>The body of each hint, trimmed, by stage number; text outside a hint section is left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> is <see langword="null"/>.</exception>
    public static IReadOnlyDictionary<int, IReadOnlyList<string>> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var hints = new Dictionary<int, List<string>>();
        List<string>? stage = null;
        List<string>? current = null;
        foreach (string line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (StageHeading().Match(line) is { Success: true } heading)
            {
                Flush();
                int number = int.Parse(heading.Groups["number"].Value, CultureInfo.InvariantCulture);
                stage = hints.TryGetValue(number, out var existing) ? existing : hints[number] = [];
                current = null;
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal) && stage is not null)
            {
                Flush();
                current = [];
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                stage = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        Flush();
        return hints.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value);

        void Flush()
        {
            if (current is not null)
            {
                stage!.Add(string.Join('\n', current).Trim());
                current = null;
            }
        }
    }

    [GeneratedRegex(@"^## Stage (?<number>\d+)\b")]
    private static partial Regex StageHeading();
}
