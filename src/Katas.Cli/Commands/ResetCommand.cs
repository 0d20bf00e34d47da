using System.CommandLine;
using Katas.Catalogue;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>reset &lt;slug&gt;</c>: sets the attempt aside and puts a fresh copy of the stub in its place, after a
/// confirmation; <c>--undo</c> brings the attempt back. Needs no git: the stub is committed once, and the
/// attempt is the learner's own copy of it.
/// </summary>
internal static class ResetCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.SlugArgument();
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask for confirmation." };
        var undo = new Option<bool>("--undo") { Description = "Bring back the attempt the last reset set aside (the current one is set aside in turn)." };
        var command = new Command("reset", "Set your attempt aside and start again from the stub (asks first; --yes skips the question, --undo brings it back).")
        {
            slug, yes, undo,
        };
        command.SetAction(parsed => parsed.GetValue(undo)
            ? Undo(context, parsed.GetValue(slug)!)
            : Run(context, parsed.GetValue(slug)!, parsed.GetValue(yes)));
        return command;
    }

    private static int Run(CommandContext context, Kata kata, bool confirmed)
    {
        var console = context.Console;
        if (context.Files.IsUntouched(kata))
        {
            context.Files.Ensure(kata);
            console.MarkupLineInterpolated($"{kata.Slug} is already the untouched stub; nothing to reset.");
            return ExitCodes.Success;
        }

        var changed = context.Files.Differences(kata);
        if (!confirmed)
        {
            if (!console.Profile.Capabilities.Interactive)
            {
                console.MarkupLineInterpolated($"[red]reset would set aside your changes to {string.Join(", ", changed)}; pass --yes to confirm when not at a terminal.[/]");
                return ExitCodes.UsageError;
            }

            console.MarkupLineInterpolated($"This sets aside your work in {context.Relative(context.Layout.AttemptFolder(kata))} ({string.Join(", ", changed)}) and starts again from the stub.");
            if (!console.Confirm("Start again from the stub?", defaultValue: false))
            {
                console.MarkupLine("Nothing changed.");
                return ExitCodes.Success;
            }
        }

        string aside = context.Files.Reset(kata);
        context.UpdateProgress(store => store.For(kata.Slug).AttemptFingerprint = null);
        console.MarkupLineInterpolated($"[green]{context.Relative(context.Layout.AttemptFolder(kata))} is the stub again.[/] Your hints and solved mark are kept.");
        console.MarkupLineInterpolated($"Your attempt is set aside in {context.Relative(aside)}; ./kata reset {kata.Slug} --undo brings it back.");
        return ExitCodes.Success;
    }

    private static int Undo(CommandContext context, Kata kata)
    {
        if (context.Files.Undo(kata) is not { } restored)
        {
            context.Console.MarkupLineInterpolated($"[yellow]No reset of {kata.Slug} set anything aside; nothing to undo.[/]");
            return ExitCodes.Failure;
        }

        context.UpdateProgress(store => store.For(kata.Slug).AttemptFingerprint = null);
        context.Console.MarkupLineInterpolated(
            $"[green]Brought back the attempt set aside in {context.Relative(restored)}[/] to {context.Relative(context.Layout.AttemptFolder(kata))}; the one it replaced is set aside in its turn.");
        return ExitCodes.Success;
    }
}
