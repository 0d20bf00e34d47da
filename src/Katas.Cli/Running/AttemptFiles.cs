using System.Globalization;
using Katas.Catalogue;

namespace Katas.Cli.Running;

/// <summary>
/// The learner's attempt at a kata as files: a copy of the stub in <c>attempts/&lt;Kata&gt;</c>, made on first use,
/// which git ignores and a pull of the repository never touches. The stub itself is committed once, in
/// <c>src/Katas.Exercises/&lt;Kata&gt;</c>, and is what a reset restores, so the two can never drift apart.
/// </summary>
/// <param name="layout">Where the repository's projects are.</param>
internal sealed class AttemptFiles(KataLayout layout)
{
    /// <summary>Makes the learner's attempt at a kata, a copy of the stub, unless it already exists.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The attempt's folder.</returns>
    public string Ensure(Kata kata)
    {
        string attempt = layout.AttemptFolder(kata);
        if (KataLayout.SourceFiles(attempt).Count == 0)
        {
            CopyStub(kata, attempt);
        }

        return attempt;
    }

    /// <summary>Gets whether the attempt is still the untouched stub (or does not exist yet).</summary>
    /// <param name="kata">The kata.</param>
    /// <returns><see langword="true"/> when the learner has not changed the stub.</returns>
    public bool IsUntouched(Kata kata) =>
        KataLayout.SourceFiles(layout.AttemptFolder(kata)).Count == 0 || Differences(kata).Count == 0;

    /// <summary>Lists the files in which the attempt differs from the stub.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>Relative paths: changed, added or deleted files.</returns>
    public IReadOnlyList<string> Differences(Kata kata)
    {
        string attempt = layout.AttemptFolder(kata);
        string stub = layout.ExerciseFolder(kata);
        return
        [
            .. KataLayout.SourceFiles(attempt).Union(KataLayout.SourceFiles(stub), StringComparer.Ordinal)
                .Where(file => !SameText(Path.Combine(attempt, file), Path.Combine(stub, file)))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Puts the stub back: the attempt is set aside whole under <c>.kata/reset</c>, from where
    /// <see cref="Undo"/> brings it back, and a fresh copy of the stub takes its place.
    /// </summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder the attempt was set aside in.</returns>
    public string Reset(Kata kata)
    {
        string aside = SetAside(kata);
        CopyStub(kata, layout.AttemptFolder(kata));
        return aside;
    }

    /// <summary>Brings back the attempt the last reset set aside; the current one is set aside in its turn.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder brought back, or <see langword="null"/> when no reset set anything aside.</returns>
    public string? Undo(Kata kata)
    {
        string folder = Path.Combine(layout.StateFolder, "reset");
        string? latest = Directory.Exists(folder)
            ? Directory.GetDirectories(folder, $"{kata.Folder}-*").Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        if (latest is null)
        {
            return null;
        }

        SetAside(kata);
        Directory.Move(latest, layout.AttemptFolder(kata));
        return latest;
    }

    private string SetAside(Kata kata)
    {
        string attempt = layout.AttemptFolder(kata);
        string aside = Path.Combine(
            layout.StateFolder, "reset", $"{kata.Folder}-{DateTime.Now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}");
        Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
        if (Directory.Exists(attempt))
        {
            Directory.Move(attempt, aside);
        }

        return aside;
    }

    private void CopyStub(Kata kata, string attempt)
    {
        string stub = layout.ExerciseFolder(kata);
        Directory.CreateDirectory(attempt);
        foreach (string file in KataLayout.SourceFiles(stub))
        {
            string target = Path.Combine(attempt, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(stub, file), target, overwrite: true);
        }
    }

    private static bool SameText(string first, string second) =>
        File.Exists(first) && File.Exists(second)
        && string.Equals(File.ReadAllText(first).ReplaceLineEndings("\n"), File.ReadAllText(second).ReplaceLineEndings("\n"), StringComparison.Ordinal);
}
