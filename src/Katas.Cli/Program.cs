using Katas.Catalogue;
using Katas.Cli;
using Katas.Cli.Engine;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // A pipe or a file has no width; Spectre would assume 80 columns and wrap test names mid-word.
    console.Profile.Width = 240;
}

// Whatever way the runner ends, no process it started outlives it.
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildProcesses.KillAll();
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    ChildProcesses.KillAll();
    Console.Error.WriteLine($"kata: internal error: {(e.ExceptionObject as Exception)?.Message ?? e.ExceptionObject}");
    Environment.Exit(ExitCodes.Failure);
};

var layout = KataLayout.FindFrom(Environment.CurrentDirectory) ?? KataLayout.FindFrom(AppContext.BaseDirectory);
if (layout is null)
{
    console.MarkupLine($"[red]Run the kata runner inside a checkout of Katas (no {KataLayout.SolutionFileName} found above this folder).[/]");
    return ExitCodes.UsageError;
}

// KATA_STATE_FOLDER moves the runner's caches and per-check folders elsewhere (the runner's own tests use it).
if (Environment.GetEnvironmentVariable("KATA_STATE_FOLDER") is { Length: > 0 } state)
{
    layout = layout with { StateFolder = Path.GetFullPath(state) };
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    return await new KataApp(console, layout).RunAsync(args, cancellation.Token).ConfigureAwait(false);
}
finally
{
    ChildProcesses.KillAll();
}
