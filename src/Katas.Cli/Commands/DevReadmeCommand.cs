using System.CommandLine;
using Katas.Catalogue;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>dev readme</c>, for maintainers: rewrites the top README's table of katas from the catalogue and each kata's
/// results file, after a headline changed. <c>dev new</c> does the same for a new kata.
/// </summary>
internal static class DevReadmeCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var command = new Command("readme", "Rewrite the README's table of katas from the catalogue and each kata's headline result.");
        command.SetAction(_ =>
        {
            bool changed = ReadmeTable.Write(context.Layout);
            context.Console.MarkupLine(changed ? "[green]README.md's table of katas is rewritten.[/]" : "README.md's table of katas is current.");
            return ExitCodes.Success;
        });
        return command;
    }
}
