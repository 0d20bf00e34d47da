using System.CommandLine;
using System.Text.RegularExpressions;
using Katas.Catalogue;
using Katas.Cli.Scaffold;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>dev new &lt;slug&gt;</c>, for maintainers: scaffolds a kata in every project, with its catalogue entry. What
/// is left to write is marked <see cref="KataScaffold.Placeholder"/>.
/// </summary>
internal static partial class DevNewCommand
{
    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = new Argument<string>("slug") { Description = "The new kata's slug, in kebab case, such as time-map." };
        slug.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? "";
            if (!Kebab().IsMatch(value))
            {
                result.AddError($"'{value}' is not a slug: lower-case words joined by hyphens, such as time-map.");
            }
            else if (KataCatalogue.Find(value) is not null)
            {
                result.AddError($"There is a kata called {value} already.");
            }
        });
        var title = new Option<string?>("--title") { Description = "The kata's name for people; the slug in words by default." };
        var track = new Option<string>("--track") { Description = "The group it belongs to on the board.", DefaultValueFactory = _ => "Collections" };
        var difficulty = new Option<KataDifficulty>("--difficulty") { Description = "Easy, Medium or Hard.", DefaultValueFactory = _ => KataDifficulty.Medium };
        var question = new Option<string>("--question")
        {
            Description = "The interview question, as it is asked.",
            DefaultValueFactory = _ => $"{KataScaffold.Placeholder}: the interview question, as it is asked.",
        };
        var command = new Command("new", "Scaffold a kata: its folders in every project, a stub, an exemplar and a reference, a test class per stage, README, HINTS and its catalogue entry.")
        {
            slug, title, track, difficulty, question,
        };
        command.SetAction(parsed =>
        {
            string name = parsed.GetValue(slug)!;
            var kata = new Kata(
                name,
                parsed.GetValue(title) ?? Words(name),
                parsed.GetValue(difficulty),
                parsed.GetValue(track)!,
                parsed.GetValue(question)!,
                Benchmarked: true);
            return Run(context, kata);
        });
        return command;
    }

    private static int Run(CommandContext context, Kata kata)
    {
        try
        {
            var (created, changed) = new KataScaffold(context.Layout).Write(kata);
            context.Console.MarkupLineInterpolated($"[green]Scaffolded {kata.Slug}[/] in {created.Count} new files:");
            foreach (string file in created)
            {
                context.Console.MarkupLineInterpolated($"  + {file}");
            }

            foreach (string file in changed)
            {
                context.Console.MarkupLineInterpolated($"  ~ {file}");
            }

            context.Console.MarkupLineInterpolated(
                $"Next: replace every {KataScaffold.Placeholder} (grep finds them), then ./kata dev verify {kata.Slug}. The catalogue compiles into the runner, so the runner rebuilds on its next start.");
            return ExitCodes.Success;
        }
        catch (InvalidOperationException exception)
        {
            context.Console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return ExitCodes.UsageError;
        }
    }

    // "time-map" becomes "Time map".
    private static string Words(string slug)
    {
        string words = string.Join(' ', slug.Split('-'));
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();
}
