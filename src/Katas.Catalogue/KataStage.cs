using System.Globalization;
using System.Text.RegularExpressions;

namespace Katas.Catalogue;

/// <summary>
/// One stage of a kata: a follow-up question of the interview, with the tests that ask it. A kata's README
/// has a section <c>## Stage N: Title</c> for each, in order; its tests carry the stage as a trait.
/// </summary>
/// <param name="Number">The stage, from 1.</param>
/// <param name="Title">What the stage asks for, such as "Bad input and edge cases".</param>
public sealed partial record KataStage(int Number, string Title)
{
    /// <summary>Reads the stages from the text of a kata's README.</summary>
    /// <param name="readme">The README's text.</param>
    /// <returns>The stages, in the order of their sections.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="readme"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<KataStage> Parse(string readme)
    {
        ArgumentNullException.ThrowIfNull(readme);
        return [.. Heading().Matches(readme).Select(match =>
            new KataStage(int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture), match.Groups["title"].Value.Trim()))];
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"stage {Number}: {Title}");

    [GeneratedRegex(@"^## Stage (?<number>\d+): (?<title>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
