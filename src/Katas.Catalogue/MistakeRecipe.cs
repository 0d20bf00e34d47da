using System.Text;
using System.Text.RegularExpressions;

namespace Katas.Catalogue;

/// <summary>
/// A deliberate mistake written as small edits of a correct attempt, so that a reader sees the mistake itself
/// rather than a whole copy of an implementation with one line changed somewhere in it.
/// </summary>
/// <remarks>
/// <para>A recipe is a Markdown file, <c>tests/Mistakes/&lt;Kata&gt;/&lt;Name&gt;.md</c>:</para>
/// <code>
/// # NoRefreshOnGet
///
/// A hit in TryGet does not move the entry to the front, so a key read a moment ago can be evicted.
///
/// Made from the [Exemplar](../../../src/Katas.Answers/LruCache/Exemplar/).
///
/// ## In `LruCache.cs`, replace
/// ```csharp
/// (lines that occur exactly once in that file)
/// ```
/// ## with
/// ```csharp
/// (their replacement; an empty block deletes them)
/// ```
/// </code>
/// <para>
/// The first paragraph after the title says what the mistake gets wrong; the link names the folder of the
/// correct attempt, relative to the recipe; each replace/with pair is one edit, applied in order. A text to
/// replace that is missing, or found more than once, is an error: the recipe no longer fits its base.
/// </para>
/// </remarks>
public sealed partial class MistakeRecipe
{
    private const string Fence = "```";

    private MistakeRecipe(string path, string description, string baseFolder, IReadOnlyList<MistakeEdit> edits)
    {
        Path = path;
        Description = description;
        BaseFolder = baseFolder;
        Edits = edits;
    }

    /// <summary>Gets the recipe file's path.</summary>
    public string Path { get; }

    /// <summary>Gets the mistake's name: the recipe's file name without its extension.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Gets what the mistake gets wrong, in one paragraph.</summary>
    public string Description { get; }

    /// <summary>Gets the full path of the folder of the correct attempt that the edits start from.</summary>
    public string BaseFolder { get; }

    /// <summary>Gets the edits, in the order they are applied.</summary>
    public IReadOnlyList<MistakeEdit> Edits { get; }

    /// <summary>Reads a recipe file.</summary>
    /// <param name="path">The recipe's path.</param>
    /// <returns>The recipe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The file is not a recipe: see <see cref="Parse"/>.</exception>
    public static MistakeRecipe Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), System.IO.Path.GetFullPath(path));
    }

    /// <summary>Parses the text of a recipe.</summary>
    /// <param name="markdown">The recipe's text.</param>
    /// <param name="path">The recipe's path, against which the link to its base folder is resolved.</param>
    /// <returns>The recipe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="markdown"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// The text has no description, no "Made from" link, no edit, or an edit without both of its code blocks.
    /// </exception>
    public static MistakeRecipe Parse(string markdown, string path)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(path);
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        string? description = null;
        string? baseLink = null;
        var edits = new List<MistakeEdit>();
        int index = 0;
        while (index < lines.Length)
        {
            string line = lines[index];
            if (EditHeading().Match(line) is { Success: true } heading)
            {
                string file = heading.Groups["file"].Value;
                string find = ReadBlock(lines, ref index, path, $"the text to replace in {file}");
                SkipBlankLines(lines, ref index);
                if (index >= lines.Length || lines[index].Trim() != "## with")
                {
                    throw new FormatException($"{path}, line {index + 1}: \"## with\" must follow the text to replace in {file}.");
                }

                string replacement = ReadBlock(lines, ref index, path, $"the replacement in {file}");
                if (find.Length == 0)
                {
                    throw new FormatException($"{path}: the text to replace in {file} is empty.");
                }

                edits.Add(new MistakeEdit(file, find, replacement));
                continue;
            }

            if (line.StartsWith("Made from ", StringComparison.Ordinal) && BaseLink().Match(line) is { Success: true } link)
            {
                baseLink = link.Groups["target"].Value;
            }
            else if (description is null && line.Length > 0 && !line.StartsWith('#'))
            {
                var paragraph = new StringBuilder(line.Trim());
                while (index + 1 < lines.Length && lines[index + 1].Trim().Length > 0)
                {
                    paragraph.Append(' ').Append(lines[++index].Trim());
                }

                description = paragraph.ToString();
            }

            index++;
        }

        if (description is null)
        {
            throw new FormatException($"{path}: the first paragraph after the title must say what the mistake gets wrong.");
        }

        if (baseLink is null)
        {
            throw new FormatException($"{path}: a line \"Made from [Name](folder)\" must name the correct attempt the edits start from.");
        }

        if (edits.Count == 0)
        {
            throw new FormatException($"{path}: a recipe needs at least one \"## In `File.cs`, replace\" section.");
        }

        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        string baseFolder = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, baseLink)));
        return new MistakeRecipe(path, description, baseFolder, edits);
    }

    /// <summary>
    /// Writes the mistake out as a complete attempt: the base folder's C# files, with the edits applied.
    /// </summary>
    /// <param name="targetFolder">The folder to write to; its C# files are replaced.</param>
    /// <exception cref="ArgumentNullException"><paramref name="targetFolder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">
    /// The base folder holds no C# file, an edit names a file it does not hold, or an edit's text to replace is
    /// not found exactly once. Nothing is written then.
    /// </exception>
    public void WriteTo(string targetFolder)
    {
        ArgumentNullException.ThrowIfNull(targetFolder);
        var files = KataLayout.SourceFiles(BaseFolder)
            .ToDictionary(file => file, file => File.ReadAllText(System.IO.Path.Combine(BaseFolder, file)).ReplaceLineEndings("\n"), StringComparer.Ordinal);
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"{Path}: its base folder {BaseFolder} holds no C# file.");
        }

        string recipe = System.IO.Path.GetFileName(Path);
        string baseName = System.IO.Path.GetFileName(BaseFolder);
        foreach (var edit in Edits)
        {
            if (!files.TryGetValue(edit.File, out string? text))
            {
                throw new InvalidOperationException($"{recipe}: {edit.File} is not a file of {baseName} ({BaseFolder}).");
            }

            int first = text.IndexOf(edit.Find, StringComparison.Ordinal);
            if (first < 0 || text.IndexOf(edit.Find, first + 1, StringComparison.Ordinal) >= 0)
            {
                string found = first < 0 ? "is not in" : "occurs more than once in";
                throw new InvalidOperationException(
                    $"{recipe}: the text to replace {found} {edit.File} of {baseName}; the recipe no longer fits its base:\n{edit.Find}");
            }

            files[edit.File] = string.Concat(text.AsSpan(0, first), edit.Replacement, text.AsSpan(first + edit.Find.Length));
        }

        Directory.CreateDirectory(targetFolder);
        foreach (string stale in KataLayout.SourceFiles(targetFolder))
        {
            File.Delete(System.IO.Path.Combine(targetFolder, stale));
        }

        foreach (var (file, text) in files)
        {
            string target = System.IO.Path.Combine(targetFolder, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            // The mistake's note replaces the base's own first-line note ("// Alternative: ...").
            string body = text.StartsWith("// Alternative:", StringComparison.Ordinal) ? text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..] : text;
            File.WriteAllText(target, $"// Mistake: {Description}\n{body}");
        }
    }

    // Reads the fenced block that follows the current line; leaves index on the line after its closing fence.
    private static string ReadBlock(string[] lines, ref int index, string path, string what)
    {
        index++;
        SkipBlankLines(lines, ref index);
        if (index >= lines.Length || !lines[index].StartsWith(Fence, StringComparison.Ordinal))
        {
            throw new FormatException($"{path}, line {index + 1}: {what} must be a fenced code block.");
        }

        var block = new StringBuilder();
        for (index++; index < lines.Length; index++)
        {
            if (lines[index].StartsWith(Fence, StringComparison.Ordinal))
            {
                index++;
                return block.ToString();
            }

            block.Append(lines[index]).Append('\n');
        }

        throw new FormatException($"{path}: {what} is a code block that is never closed.");
    }

    private static void SkipBlankLines(string[] lines, ref int index)
    {
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }
    }

    [GeneratedRegex(@"^## In `(?<file>[^`]+)`, replace\s*$")]
    private static partial Regex EditHeading();

    [GeneratedRegex(@"\]\((?<target>[^)]+)\)")]
    private static partial Regex BaseLink();
}

/// <summary>One edit of a <see cref="MistakeRecipe"/>: a text that occurs once in a file, and what replaces it.</summary>
/// <param name="File">The file, relative to the base folder, with forward slashes.</param>
/// <param name="Find">The text to replace, whole lines ending in a line feed.</param>
/// <param name="Replacement">What replaces it; empty to delete it.</param>
public sealed record MistakeEdit(string File, string Find, string Replacement);
