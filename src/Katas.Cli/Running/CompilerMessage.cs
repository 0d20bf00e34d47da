using System.Text.RegularExpressions;

namespace Katas.Cli.Running;

/// <summary>One error the compiler or MSBuild reported, pointing at a file when it can.</summary>
/// <param name="File">The file it points at, or <see langword="null"/> for a project-level error.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
/// <param name="Column">The 1-based column, or 0 when unknown.</param>
/// <param name="Code">The diagnostic's code, such as <c>CS1002</c>.</param>
/// <param name="Text">What it says.</param>
internal sealed partial record CompilerMessage(string? File, int Line, int Column, string Code, string Text)
{
    /// <summary>Picks the errors out of <c>dotnet build</c> output, each once, in the order they appeared.</summary>
    /// <param name="buildOutput">Everything the build printed.</param>
    /// <returns>The errors.</returns>
    public static IReadOnlyList<CompilerMessage> ParseErrors(string buildOutput)
    {
        var errors = new List<CompilerMessage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in buildOutput.ReplaceLineEndings("\n").Split('\n'))
        {
            var match = ErrorLine().Match(line.Trim());
            if (!match.Success || !seen.Add(match.Groups["all"].Value))
            {
                continue;
            }

            string? file = match.Groups["file"].Success ? match.Groups["file"].Value.Trim() : null;
            _ = int.TryParse(match.Groups["line"].Value, out int lineNumber);
            _ = int.TryParse(match.Groups["column"].Value, out int column);
            errors.Add(new CompilerMessage(file, lineNumber, column, match.Groups["code"].Value, match.Groups["text"].Value.Trim()));
        }

        return errors;
    }

    // "path/File.cs(12,5): error CS1002: ; expected [path/Project.csproj]" or "MSBUILD : error MSB1009: ..."
    [GeneratedRegex(@"^(?<all>(?:(?<file>[^()]+?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\)|[^:]*?)\s*:\s*error\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<text>.*?))(?:\s+\[[^\]]+\])?$")]
    private static partial Regex ErrorLine();
}
