using System.Diagnostics;
using Katas.Catalogue;
using Spectre.Console.Testing;

namespace Katas.Cli.Tests;

/// <summary>Runs the kata runner on a test console, the way most tests here do, or as a real process.</summary>
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
    public static Task<(int ExitCode, string Output)> RunAsync(KataLayout layout, Action<TestConsole>? prepare, params string[] args) =>
        RunAsync(layout, prepare, TestContext.Current.CancellationToken, args);

    /// <summary>Runs a command line against a repository layout until it ends or is cancelled.</summary>
    /// <param name="layout">The repository.</param>
    /// <param name="prepare">Sets the console up first, if given.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code and everything written.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        KataLayout layout, Action<TestConsole>? prepare, CancellationToken cancellationToken, params string[] args)
    {
        var console = NewConsole();
        prepare?.Invoke(console);
        int exitCode = await new KataApp(console, layout).RunAsync(args, cancellationToken);
        return (exitCode, console.Output);
    }

    /// <summary>Starts the runner as a process of its own, as ./kata does, in the repository's root.</summary>
    /// <param name="environment">Variables to set for it.</param>
    /// <param name="args">The command line.</param>
    /// <returns>The process, with its output redirected.</returns>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryLayout.Current.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kata.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
