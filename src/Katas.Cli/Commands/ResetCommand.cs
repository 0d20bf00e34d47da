using System.CommandLine;
using Katas.Catalogue;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary><c>reset &lt;slug&gt;</c>: puts the untouched stub back, after a confirmation. Needs no git.</summary>
internal static class ResetCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.SlugArgument();
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var command = new Command("reset", "Throw your attempt away and restore the untouched stub (asks first; --yes skips the question).")
        {
            slug, yes,
        };
        command.SetAction(parsed => Run(context, parsed.GetValue(slug)!, parsed.GetValue(yes)));
        return command;
    }

    private static int Run(CommandContext context, Kata kata, bool confirmed)
    {
        var console = context.Console;
        var changed = context.Files.Differences(kata);
        if (changed.Count == 0)
        {
            console.MarkupLineInterpolated($"{kata.Slug} is already the untouched stub; nothing to reset.");
            return ExitCodes.Success;
        }

        if (!confirmed)
        {
            if (!console.Profile.Capabilities.Interactive)
            {
                console.MarkupLineInterpolated($"[red]reset would overwrite {string.Join(", ", changed)}; pass --yes to confirm when not at a terminal.[/]");
                return ExitCodes.UsageError;
            }

            console.MarkupLineInterpolated($"This throws away your work in {context.Relative(context.Layout.ExerciseFolder(kata))}: {string.Join(", ", changed)}.");
            if (!console.Confirm("Restore the untouched stub?", defaultValue: false))
            {
                console.MarkupLine("Nothing changed.");
                return ExitCodes.Success;
            }
        }

        var restored = context.Files.Reset(kata);
        var store = context.LoadProgress();
        store.For(kata.Slug).AttemptFingerprint = null;
        store.Save();
        console.MarkupLineInterpolated($"[green]Restored the stub of {kata.Slug}[/] ({string.Join(", ", restored)}). Your hints and solved mark are kept.");
        return ExitCodes.Success;
    }
}
