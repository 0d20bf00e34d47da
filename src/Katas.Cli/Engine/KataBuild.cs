using System.Text.Json;

namespace Katas.Cli.Engine;

/// <summary>
/// A kata's prepared build: the contract tests built once against the stub by MSBuild, with the compiler
/// command lines of both assemblies, so that a check compiles only the attempt (and the tests again only when
/// the attempt's API differs from the stub's), and the tests known before they run.
/// </summary>
/// <param name="Folder">The build's folder under <c>.kata/build</c>.</param>
/// <param name="Compiler">The C# compiler (csc.dll) the build used.</param>
/// <param name="Packages">The NuGet packages folder, where the test process finds its dependencies.</param>
/// <param name="Attempt">The command line that compiled the attempt (the stub).</param>
/// <param name="Tests">The command line that compiled the tests.</param>
/// <param name="StubReference">The stub's reference assembly, which <paramref name="Tests"/> references.</param>
/// <param name="TestsOutput">The folder of the built test program, with its dependency and runtime files.</param>
/// <param name="StubApi">The <see cref="ApiFingerprint"/> of the stub.</param>
/// <param name="Listed">Every test of the kata.</param>
internal sealed record KataBuild(
    string Folder,
    string Compiler,
    string Packages,
    CompilerCommand Attempt,
    CompilerCommand Tests,
    string StubReference,
    string TestsOutput,
    string StubApi,
    IReadOnlyList<ListedTest> Listed)
{
    /// <summary>The file that records a finished build.</summary>
    public const string RecordFile = "build.json";

    /// <summary>The name of the attempt's assembly.</summary>
    public const string AttemptAssembly = "Katas.Exercises";

    /// <summary>The name of the test program's assembly.</summary>
    public const string TestsAssembly = "Katas.Exercises.Tests";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Saves the record of a finished build into its folder.</summary>
    public void Save() => File.WriteAllText(Path.Combine(Folder, RecordFile), JsonSerializer.Serialize(this, Json));

    /// <summary>Loads the record of a finished build.</summary>
    /// <param name="folder">The build's folder.</param>
    /// <returns>The build, or <see langword="null"/> when the folder holds no finished build.</returns>
    public static KataBuild? Load(string folder)
    {
        string record = Path.Combine(folder, RecordFile);
        try
        {
            return File.Exists(record) ? JsonSerializer.Deserialize<KataBuild>(File.ReadAllText(record), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
