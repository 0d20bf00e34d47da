using Katas.Catalogue;

namespace Katas.Cli.Running;

/// <summary>The learner's attempt at a kata as files: is it untouched, and how to put the stub back.</summary>
/// <param name="layout">Where the repository's projects are.</param>
internal sealed class AttemptFiles(KataLayout layout)
{
    /// <summary>Gets whether the attempt's C# files are exactly the untouched stub's (line endings aside).</summary>
    /// <param name="kata">The kata.</param>
    /// <returns><see langword="true"/> when the learner has not changed the stub.</returns>
    public bool IsPristine(Kata kata) => Differences(kata).Count == 0;

    /// <summary>Lists the files in which the attempt differs from the untouched stub.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>Relative paths: changed, added or deleted files.</returns>
    public IReadOnlyList<string> Differences(Kata kata)
    {
        string attempt = layout.AttemptFolder(kata);
        string pristine = layout.ExerciseFolder(kata);
        var attemptFiles = KataLayout.SourceFiles(attempt);
        var pristineFiles = KataLayout.SourceFiles(pristine);
        return
        [
            .. attemptFiles.Union(pristineFiles, StringComparer.Ordinal)
                .Where(file => !SameText(Path.Combine(attempt, file), Path.Combine(pristine, file)))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>Puts the untouched stub back: restores its files and deletes the C# files the learner added.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The relative paths of the files restored or deleted.</returns>
    /// <exception cref="InvalidOperationException">The kata has no untouched copy of its stub.</exception>
    public IReadOnlyList<string> Reset(Kata kata)
    {
        string attempt = layout.AttemptFolder(kata);
        string pristine = layout.ExerciseFolder(kata);
        if (KataLayout.SourceFiles(pristine).Count == 0)
        {
            throw new InvalidOperationException($"There is no untouched copy of the {kata.Slug} stub in {pristine}.");
        }

        var changed = Differences(kata);
        foreach (string file in changed)
        {
            string source = Path.Combine(pristine, file);
            string target = Path.Combine(attempt, file);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }
            else
            {
                File.Delete(target);
            }
        }

        return changed;
    }

    private static bool SameText(string first, string second) =>
        File.Exists(first) && File.Exists(second)
        && string.Equals(File.ReadAllText(first).ReplaceLineEndings("\n"), File.ReadAllText(second).ReplaceLineEndings("\n"), StringComparison.Ordinal);
}
