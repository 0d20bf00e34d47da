using System.Globalization;
using System.Text;

namespace Katas.Cli.Running;

/// <summary>One row of a kata's table of caught mistakes.</summary>
/// <param name="Candidate">What was checked: the stub, a mistake or an answer.</param>
/// <param name="WhatItGetsWrong">The mistake, in a sentence.</param>
/// <param name="CaughtBy">Which test caught it, or what the check found.</param>
internal sealed record CaughtMistake(string Candidate, string WhatItGetsWrong, string CaughtBy);

/// <summary>
/// A kata's results file (<c>benchmarks/Katas.Benchmarks/&lt;Kata&gt;/README.md</c>): its benchmark table, the mistakes
/// its tests catch and its mutation score. The caught-mistakes table between two markers is written by
/// <c>./kata dev verify --write-results</c>; everything else is kept as it is.
/// </summary>
internal static class ResultsFile
{
    /// <summary>The line before the table.</summary>
    public const string Start = "<!-- caught-mistakes: written by ./kata dev verify --write-results -->";

    /// <summary>The line after the table.</summary>
    public const string End = "<!-- end caught-mistakes -->";

    /// <summary>Rewrites the table between the markers.</summary>
    /// <param name="file">The results file.</param>
    /// <param name="slug">The kata's slug.</param>
    /// <param name="day">The day of the check, for the table's heading.</param>
    /// <param name="rows">The rows.</param>
    /// <returns>Whether the file had the markers and was written.</returns>
    public static bool WriteCaughtMistakes(string file, string slug, DateOnly day, IEnumerable<CaughtMistake> rows)
    {
        string text = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "";
        int start = text.IndexOf(Start, StringComparison.Ordinal);
        int end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return false;
        }

        var table = new StringBuilder(Start).Append('\n');
        table.Append(CultureInfo.InvariantCulture, $"From `./kata dev verify {slug}` on {day:yyyy-MM-dd}: every mistake below fails the contract tests, ")
            .Append("stopping at its first failing test, and every answer passes them all. \"Caught by\" names that first test and its stage.\n\n")
            .Append("| candidate | what it gets wrong | caught by |\n|---|---|---|\n");
        foreach (var row in rows)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {Cell(row.Candidate)} | {Cell(row.WhatItGetsWrong)} | {Cell(row.CaughtBy)} |\n");
        }

        File.WriteAllText(file, text[..start] + table + text[end..]);
        return true;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
