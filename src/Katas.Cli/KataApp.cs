using System.CommandLine;
using Katas.Catalogue;
using Katas.Cli.Commands;
using Spectre.Console;

namespace Katas.Cli;

/// <summary>The runner's command line: its verbs, their options and what each does.</summary>
/// <param name="console">Where the runner writes; a test console in tests.</param>
/// <param name="layout">The repository the runner works on.</param>
internal sealed class KataApp(IAnsiConsole console, KataLayout layout)
{
    /// <summary>Parses a command line and runs it.</summary>
    /// <param name="args">The arguments, without the program's name.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C.</param>
    /// <returns>An exit code from <see cref="ExitCodes"/>.</returns>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = BuildCommands();
        if (args.Length == 0)
        {
            // The bare command shows the board, the page a learner comes back to.
            args = ["list"];
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string? verb = args.FirstOrDefault(arg => !arg.StartsWith('-'));
            if (verb is not null && root.Subcommands.All(command => command.Name != verb))
            {
                string closest = root.Subcommands.MinBy(command => EditDistance.Between(verb, command.Name))!.Name;
                console.MarkupLineInterpolated($"[red]Unknown verb '{verb}'.[/] Did you mean [bold]{closest}[/]?");
            }
            else
            {
                foreach (var error in parsed.Errors)
                {
                    console.MarkupLineInterpolated($"[red]{error.Message}[/]");
                }
            }

            console.MarkupLine("Run [bold]./kata --help[/] to see every verb.");
            return ExitCodes.UsageError;
        }

        // Help and System.CommandLine's own messages go to the same console as everything else.
        var invocation = new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = console.Profile.Out.Writer };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private RootCommand BuildCommands()
    {
        var context = new CommandContext(console, layout);
        var root = new RootCommand(
            "Katas: coding-challenge katas for platform and SRE interviews. Solve a kata in src/Katas.Exercises/<Kata>/, then check it.");
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        root.Subcommands.Add(HintCommand.Create(context));
        root.Subcommands.Add(SolutionCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(ResetCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        return root;
    }
}
