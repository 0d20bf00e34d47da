using Katas.Catalogue;

namespace Katas.Cli.Tests;

/// <summary>
/// Attempts at the LRU kata for the end-to-end tests: the exemplar, or the exemplar with one edit that makes it
/// misbehave, each written to a temporary folder of its own.
/// </summary>
internal sealed class Attempts : IDisposable
{
    /// <summary>The LRU kata, which every end-to-end test checks.</summary>
    public static readonly Kata Lru = KataCatalogue.Find("lru-cache")!;

    private readonly List<string> _folders = [];

    /// <summary>Gets the exemplar's source: a correct attempt.</summary>
    public static string Correct { get; } =
        File.ReadAllText(Path.Combine(RepositoryLayout.Current.ExemplarFolder(Lru), "LruCache.cs")).ReplaceLineEndings("\n");

    /// <summary>Writes an attempt to a folder of its own.</summary>
    /// <param name="source">The source of LruCache.cs.</param>
    /// <returns>The folder.</returns>
    public string Write(string source)
    {
        string folder = Directory.CreateTempSubdirectory("kata-attempt-").FullName;
        _folders.Add(folder);
        File.WriteAllText(Path.Combine(folder, "LruCache.cs"), source);
        return folder;
    }

    /// <summary>Writes the exemplar with one edit.</summary>
    /// <param name="find">Text that occurs in the exemplar.</param>
    /// <param name="replacement">What replaces it.</param>
    /// <returns>The folder.</returns>
    public string WriteEdited(string find, string replacement) => WriteEdited((find, replacement));

    /// <summary>Writes the exemplar with edits, applied in order.</summary>
    /// <param name="edits">Each a text that occurs in the exemplar and what replaces it.</param>
    /// <returns>The folder.</returns>
    public string WriteEdited(params (string Find, string Replacement)[] edits)
    {
        string source = Correct;
        foreach (var (find, replacement) in edits)
        {
            source.Should().Contain(find, "the edit must fit the exemplar");
            source = source.Replace(find, replacement, StringComparison.Ordinal);
        }

        return Write(source);
    }

    /// <summary>Writes the exemplar with code added at the start of its constructor.</summary>
    /// <param name="code">The statements.</param>
    /// <returns>The folder.</returns>
    public string WriteWithConstructorStart(string code) =>
        WriteEdited("        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);\n", $"        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);\n{code}\n");

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (string folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
