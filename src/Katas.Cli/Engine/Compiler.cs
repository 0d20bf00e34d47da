namespace Katas.Cli.Engine;

/// <summary>
/// How the runner compiles: through the C# compiler server, which stays warm between checks (a compile of an
/// attempt then takes a tenth of a second), unless no process may outlive the runner.
/// </summary>
internal static class Compiler
{
    /// <summary>
    /// Gets whether compiles go through the compiler server. Some machines turn the server off for builds
    /// (UseSharedCompilation=false); the runner turns it back on for its own, except under CI (CI set) or with
    /// KATA_NO_COMPILER_SERVER set, where no process may outlive the run. KATA_BUILD_SERVERS=1 asks for it
    /// even under CI, for a caller that shuts it down itself (.ci/run does, after verify).
    /// </summary>
    public static bool UseServer =>
        Environment.GetEnvironmentVariable("KATA_BUILD_SERVERS") == "1"
        || (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KATA_NO_COMPILER_SERVER")));

    /// <summary>Gets the environment of an MSBuild build the runner starts, with the servers on or off as <see cref="UseServer"/> says.</summary>
    /// <returns>The variables to set.</returns>
    public static Dictionary<string, string> BuildEnvironment() =>
        Environment.GetEnvironmentVariable("KATA_BUILD_SERVERS") == "1"
            ? new() { ["UseSharedCompilation"] = "true", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "1", ["MSBUILDDISABLENODEREUSE"] = "0" }
            : UseServer
                ? new() { ["UseSharedCompilation"] = "true" }
                : new() { ["UseSharedCompilation"] = "false", ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0" };

    /// <summary>Gets the arguments that run the C# compiler on a response file.</summary>
    /// <param name="compiler">The compiler's csc.dll.</param>
    /// <param name="responseFile">The response file.</param>
    /// <returns>The arguments to <c>dotnet</c>.</returns>
    public static string[] Arguments(string compiler, string responseFile) =>
        UseServer
            ? ["exec", compiler, "/shared", "/noconfig", "/nologo", $"@{responseFile}"]
            : ["exec", compiler, "/noconfig", "/nologo", $"@{responseFile}"];
}
