using Katas.Catalogue;
using Spectre.Console.Testing;

namespace Katas.Cli.Tests;

/// <summary>Runs the kata runner on a test console, the way every test here does.</summary>
internal static class Runner
{
    /// <summary>Creates a console that records plain text, wide enough that no line wraps.</summary>
    /// <returns>The console.</returns>
    public static TestConsole NewConsole()
    {
        var console = new TestConsole { EmitAnsiSequences = false };
        console.Profile.Width = 250;
        return console;
    }

    /// <summary>Runs a command line against a repository layout.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="prepare">Sets the console up first (input, interactivity), if given.</param>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code and everything written.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(KataLayout layout, Action<TestConsole>? prepare, params string[] args)
    {
        var console = NewConsole();
        prepare?.Invoke(console);
        int exitCode = await new KataApp(console, layout).RunAsync(args, TestContext.Current.CancellationToken);
        return (exitCode, console.Output);
    }
}
