namespace Katas.Catalogue;

/// <summary>Levenshtein distance, for suggesting the slug a user probably meant.</summary>
public static class EditDistance
{
    /// <summary>Counts the single-character insertions, deletions and substitutions that turn one string into another.</summary>
    /// <param name="from">The first string.</param>
    /// <param name="to">The second string.</param>
    /// <returns>The edit distance.</returns>
    /// <exception cref="ArgumentNullException">Either string is <see langword="null"/>.</exception>
    public static int Between(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var previous = new int[to.Length + 1];
        var current = new int[to.Length + 1];
        for (int j = 0; j <= to.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= from.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= to.Length; j++)
            {
                int substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[to.Length];
    }
}
