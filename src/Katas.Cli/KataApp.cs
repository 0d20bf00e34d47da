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
    /// <summary>Gets or sets the clock the verbs use; tests replace it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

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

        if (args is ["dev"] or ["dev", "--help" or "-h" or "-?"])
        {
            // The maintainers' verbs are hidden from the learner's help, so they get a page of their own.
            var dev = root.Subcommands.Single(command => command.Name == "dev");
            console.MarkupLine("For maintainers: [bold]./kata dev <verb>[/] (each has --help)");
            foreach (var verb in dev.Subcommands)
            {
                console.MarkupLineInterpolated($"  [bold]{verb.Name,-8}[/] {verb.Description}");
            }

            return ExitCodes.Success;
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var known = root.Subcommands.Concat(root.Subcommands.SelectMany(command => command.Subcommands)).ToList();
            string? verb = args.FirstOrDefault(arg => !arg.StartsWith('-'));
            if (verb is not null && root.Subcommands.All(command => command.Name != verb))
            {
                string closest = known.Where(command => !command.Hidden).MinBy(command => EditDistance.Between(verb, command.Name))!.Name;
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
        var invocation = new InvocationConfiguration
        {
            Output = console.Profile.Out.Writer,
            Error = console.Profile.Out.Writer,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("Stopped.");
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // The runner's last line of defence: one line and an exit code, never a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Engine.ChildProcesses.KillAll();
            console.MarkupLineInterpolated($"[red]kata: internal error: {exception.GetType().Name}: {exception.Message}[/]");
            return ExitCodes.Failure;
        }
    }

    private RootCommand BuildCommands()
    {
        var context = new CommandContext(console, layout) { Time = Time };
        var root = new RootCommand(
            "Katas: coding katas for platform and SRE interviews. Solve a kata in attempts/<Kata>/, a stage at a time, then check it.");
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        root.Subcommands.Add(HintCommand.Create(context));
        root.Subcommands.Add(SolutionCommand.Create(context));
        root.Subcommands.Add(BenchCommand.Create(context));
        root.Subcommands.Add(ResetCommand.Create(context));

        // The maintainers' verbs, apart from the learner's: ./kata dev --help lists them.
        var dev = new Command("dev", "For maintainers: verify that the tests bite, scaffold a new kata.") { Hidden = true };
        dev.Subcommands.Add(DevVerifyCommand.Create(context));
        dev.Subcommands.Add(DevNewCommand.Create(context));
        dev.Subcommands.Add(DevReadmeCommand.Create(context));
        root.Subcommands.Add(dev);

        // The verb's old name, for scripts written before the maintainers' verbs moved under dev.
        var verify = DevVerifyCommand.Create(context);
        verify.Hidden = true;
        root.Subcommands.Add(verify);
        return root;
    }
}
