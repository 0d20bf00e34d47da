namespace Katas.Catalogue;

/// <summary>
/// Where a kata's files live in a checkout of the repository: the same folder name in every project.
/// </summary>
/// <param name="Root">The repository root, the folder that holds <c>Katas.sln</c>.</param>
public sealed record KataLayout(string Root)
{
    /// <summary>The solution file whose folder is the repository root.</summary>
    public const string SolutionFileName = "Katas.sln";

    /// <summary>Gets the folder of the learner's attempts.</summary>
    public string ExercisesProject => Path.Combine(Root, "src", "Katas.Exercises");

    /// <summary>Gets the folder of the reference solutions.</summary>
    public string SolutionsProject => Path.Combine(Root, "src", "Katas.Solutions");

    /// <summary>Gets the folder of the contract tests.</summary>
    public string TestsProject => Path.Combine(Root, "tests", "Katas.Tests");

    /// <summary>Gets the project that builds the contract tests against the learner's attempts.</summary>
    public string ExerciseTestsProject => Path.Combine(Root, "tests", "Katas.Exercises.Tests", "Katas.Exercises.Tests.csproj");

    /// <summary>Gets the folder of the benchmarks.</summary>
    public string BenchmarksProject => Path.Combine(Root, "benchmarks", "Katas.Benchmarks");

    /// <summary>Gets the folder that holds a kata's stub, instructions and hints.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string ExerciseFolder(Kata kata) => Path.Combine(ExercisesProject, Folder(kata));

    /// <summary>Gets the folder that holds a kata's reference solution.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string SolutionFolder(Kata kata) => Path.Combine(SolutionsProject, Folder(kata));

    /// <summary>Gets the folder that holds a kata's contract tests.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string TestsFolder(Kata kata) => Path.Combine(TestsProject, Folder(kata));

    /// <summary>Gets the folder that holds a kata's benchmark.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string BenchmarkFolder(Kata kata) => Path.Combine(BenchmarksProject, Folder(kata));

    /// <summary>
    /// Gets the folder that holds the untouched copy of a kata's stub, from which <c>./kata reset</c> restores
    /// the learner's attempt without git. <c>./kata verify</c> proves it equals the committed stub.
    /// </summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The folder's path.</returns>
    public string PristineStubFolder(Kata kata) => Path.Combine(Root, "src", "Katas.Cli", "Stubs", Folder(kata));

    /// <summary>Gets a kata's instructions, the first thing a learner reads.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The path of its README.md.</returns>
    public string InstructionsFile(Kata kata) => Path.Combine(ExerciseFolder(kata), "README.md");

    /// <summary>Gets a kata's hints, revealed one at a time by the runner.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The path of its HINTS.md.</returns>
    public string HintsFile(Kata kata) => Path.Combine(ExerciseFolder(kata), "HINTS.md");

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
    /// a folder holding a complete attempt, or a <see cref="MistakeRecipe"/> (<c>.md</c>) that edits a correct one.
    /// </summary>
    /// <param name="kata">The kata.</param>
    /// <returns>The paths of the folders and recipes, sorted by name; none when the kata has none.</returns>
    public IReadOnlyList<string> Mistakes(Kata kata)
    {
        string folder = Path.Combine(Root, "tests", "Mistakes", Folder(kata));
        return Directory.Exists(folder)
            ? [.. Directory.GetDirectories(folder).Concat(Directory.GetFiles(folder, "*.md"))
                .OrderBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Gets the folder a mistake recipe is written out to before it is built; under <c>obj/</c>, which git ignores.</summary>
    /// <param name="kata">The kata.</param>
    /// <param name="mistake">The mistake's name.</param>
    /// <returns>The folder's path.</returns>
    public string MistakeBuildFolder(Kata kata, string mistake) => Path.Combine(Root, "tests", "Mistakes", "obj", Folder(kata), mistake);

    /// <summary>Gets the folders of a kata's alternative solutions: other correct attempts its tests must accept.</summary>
    /// <param name="kata">The kata.</param>
    /// <returns>One folder an alternative, sorted by name; none when the kata has none.</returns>
    public IReadOnlyList<string> AlternativeFolders(Kata kata) => Subfolders(Path.Combine(Root, "tests", "Alternatives", Folder(kata)));

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

    private static string[] Subfolders(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetDirectories(folder).Order(StringComparer.Ordinal)] : [];

    private static string Folder(Kata kata)
    {
        ArgumentNullException.ThrowIfNull(kata);
        return kata.Folder;
    }
}
