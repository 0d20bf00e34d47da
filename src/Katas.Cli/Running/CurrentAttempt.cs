using Katas.Catalogue;
using Katas.Cli.Progress;

namespace Katas.Cli.Running;

/// <summary>The attempt a learner is working on for a kata: the timed practice copy while one is under way, their own otherwise.</summary>
/// <param name="Folder">The attempt's folder.</param>
/// <param name="Practice">The practice under way, or <see langword="null"/>.</param>
internal sealed record CurrentAttempt(string Folder, PracticeTry? Practice)
{
    /// <summary>Finds the attempt a check or a watch of a kata judges, making the learner's own from the stub if needed.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="files">The learner's attempt files.</param>
    /// <param name="progress">The kata's progress.</param>
    /// <param name="kata">The kata.</param>
    /// <returns>The attempt.</returns>
    public static CurrentAttempt Of(KataLayout layout, AttemptFiles files, KataProgress progress, Kata kata) =>
        progress.Practice is { } practice && Directory.Exists(layout.PracticeAttemptFolder(kata))
            ? new CurrentAttempt(layout.PracticeAttemptFolder(kata), practice)
            : new CurrentAttempt(files.Ensure(kata), null);
}
