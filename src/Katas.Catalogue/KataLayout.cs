namespace Katas.Catalogue;

/// <summary>
/// Where a kata's files live in a checkout of the repository: the same folder name in every project, and the
/// learner's own files in folders git ignores.
/// </summary>
/// <param name="Root">The repository root, the folder that holds <c>Katas.sln</c>.</param>
public sealed record KataLayout(string Root)
{
    /// <summary>The solution file whose folder is the repository root.</summary>
    public const string SolutionFileName = "Katas.sln";

    /// <summary>The name of the folder of the exemplar among a kata's answers.</summary>
    public const string ExemplarName = "Exemplar";

    /// <summary>Gets the folder of the stubs and their instructions.</summary>
    public string ExercisesProject => Path.Combine(Root, "src", "Katas.Exercises");

    /// <summary>Gets the folder of the reference solutions.</summary>
    public string SolutionsProject => Path.Combine(Root, "src", "Katas.Solutions");

    /// <summary>Gets the folder of the answers to learn from: each kata's exemplar and other correct designs.</summary>
    public string AnswersProject => Path.Combine(Root, "src", "Katas.Answers");

    /// <summary>Gets the folder of the contract tests.</summary>
    public string TestsProject => Path.Combine(Root, "tests", "Katas.Tests");

    /// <summary>Gets the project that builds the contract tests against an attempt.</summary>
    public string ExerciseTestsProject => Path.Combine(Root, "tests", "Katas.Exercises.Tests", "Katas.Exercises.Tests.csproj");

    /// <summary>Gets the folder of the benchmarks.</summary>
    public string BenchmarksProject => Path.Combine(Root, "benchmarks", "Katas.Benchmarks");

    /// <summary>Gets the folder of the learner's attempts, one folder a kata; git ignores it.</summary>
    public string AttemptsFolder => Path.Combine(Root, "attempts");

    /// <summary>Gets the folder of the learner's timed practice attempts, one folder a kata; git ignores it.</summary>
    public string PracticeFolder => Path.Combine(Root, "practice");

    /// <summary>Gets the runner's own folder (build caches, one folder per check, set-aside attempts); git ignores it.</summary>
    public string StateFolder { get; init; } = Path.Combine(Root, ".kata");

    /// <summary>Gets the folder of the deliberate mistakes, a folder a kata.</summary>
    public string MistakesFolder { get; init; } = Path.Combine(Root, "tests", "Mistakes");

    /// <summary>Gets the folder that holds a kata's instructions, hints and stub: the stub is committed once, here.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string ExerciseFolder(Kata kata) => Path.Combine(ExercisesProject, Folder(kata));

    /// <summary>Gets the folder of the learner's attempt at a kata, a copy of the stub to fill in.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string AttemptFolder(Kata kata) => Path.Combine(AttemptsFolder, Folder(kata));

    /// <summary>Gets the folder of the learner's timed practice attempt at a kata.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string PracticeAttemptFolder(Kata kata) => Path.Combine(PracticeFolder, Folder(kata));

    /// <summary>Gets the folder that holds a kata's reference solution.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string SolutionFolder(Kata kata) => Path.Combine(SolutionsProject, Folder(kata));

    /// <summary>Gets the folder that holds a kata's answers and the README that explains them.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string AnswersFolder(Kata kata) => Path.Combine(AnswersProject, Folder(kata));

    /// <summary>Gets the folder of a kata's exemplar: the answer a strong candidate writes in 45 minutes.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string ExemplarFolder(Kata kata) => Path.Combine(AnswersFolder(kata), ExemplarName);

    /// <summary>Gets the folders of a kata's answers: the exemplar and any other correct design, each a complete attempt.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>One folder an answer, the exemplar first, then by name.</returns>
    public IReadOnlyList<string> AnswerFolders(Kata kata)
    {
        string folder = AnswersFolder(kata);
        return Directory.Exists(folder)
            ? [.. Directory.GetDirectories(folder)
                .Where(answer => SourceFiles(answer).Count > 0)
                .OrderBy(answer => Path.GetFileName(answer) == ExemplarName ? 0 : 1)
                .ThenBy(answer => answer, StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Gets the folder that holds a kata's contract tests.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string TestsFolder(Kata kata) => Path.Combine(TestsProject, Folder(kata));

    /// <summary>Gets the folder that holds a kata's benchmark and its results.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string BenchmarkFolder(Kata kata) => Path.Combine(BenchmarksProject, Folder(kata));

    /// <summary>Gets a kata's results: its benchmark table, the mistakes its tests catch and its mutation score.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The path of the README.md in its benchmark folder.</returns>
    public string ResultsFile(Kata kata) => Path.Combine(BenchmarkFolder(kata), "README.md");

    /// <summary>Gets a kata's instructions, the first thing a learner reads.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The path of its README.md.</returns>
    public string InstructionsFile(Kata kata) => Path.Combine(ExerciseFolder(kata), "README.md");

    /// <summary>Gets a kata's hints, revealed one at a time by the runner.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The path of its HINTS.md.</returns>
    public string HintsFile(Kata kata) => Path.Combine(ExerciseFolder(kata), "HINTS.md");

    /// <summary>Gets the text that explains a kata's answers: why each design, and what it costs.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The path of the README.md in its answers folder.</returns>
    public string AnswersFile(Kata kata) => Path.Combine(AnswersFolder(kata), "README.md");

    /// <summary>Gets a kata's stages, read from its instructions.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The stages, in order.</returns>
    public IReadOnlyList<KataStage> Stages(Kata kata) => KataStage.Parse(File.ReadAllText(InstructionsFile(kata)));

    /// <summary>Gets the C# files of a folder, sorted by name, as relative paths.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>The paths of its <c>.cs</c> files relative to it, with forward slashes; none when it does not exist.</returns>
    public static IReadOnlyList<string> SourceFiles(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
                .Where(file => !file.StartsWith("bin/", StringComparison.Ordinal) && !file.StartsWith("obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// Gets a kata's deliberate mistakes, each an attempt with one classic mistake that its tests must reject:
    /// a <see cref="MistakeRecipe"/> (<c>.md</c>) that edits an answer, or, for a mistake that is a different
    /// design, a folder holding a complete attempt.
    /// </summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The paths of the recipes and folders, sorted by name; none when the kata has none.</returns>
    public IReadOnlyList<string> Mistakes(Kata kata)
    {
        string folder = Path.Combine(MistakesFolder, Folder(kata));
        return Directory.Exists(folder)
            ? [.. Directory.GetDirectories(folder).Concat(Directory.GetFiles(folder, "*.md"))
                .OrderBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Finds the repository root by walking up from a folder until one holds <c>Katas.sln</c>.</summary>
    /// <param name="start">The folder to start from.</param>
    /// <returns>The layout, or <see langword="null"/> when no parent folder holds the solution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="start"/> is <see langword="null"/>.</exception>
    public static KataLayout? FindFrom(string start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return new KataLayout(folder.FullName);
            }
        }

        return null;
    }

    private static string Folder(Kata kata)
    {
        ArgumentNullException.ThrowIfNull(kata);
        return kata.Folder;
    }
}
