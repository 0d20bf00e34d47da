using Katas.Catalogue;
using Katas.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // A pipe or a file has no width; Spectre would assume 80 columns and wrap test names mid-word.
    console.Profile.Width = 240;
}
var layout = KataLayout.FindFrom(Environment.CurrentDirectory) ?? KataLayout.FindFrom(AppContext.BaseDirectory);
if (layout is null)
{
    console.MarkupLine($"[red]Run the kata runner inside a checkout of Katas (no {KataLayout.SolutionFileName} found above this folder).[/]");
    return ExitCodes.UsageError;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await new KataApp(console, layout).RunAsync(args, cancellation.Token).ConfigureAwait(false);
