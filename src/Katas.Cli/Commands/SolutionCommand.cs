using System.CommandLine;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Katas.Catalogue;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>solution &lt;slug&gt;</c>: once the attempt passes, shows the kata's answers to learn from: the exemplar (what
/// a strong candidate writes in 45 minutes), any other answer, then the production reference, each with why it is
/// designed so, what it costs and its benchmark figures. <c>--diff</c> diffs the attempt against whichever of the
/// exemplar and the reference is closer to it. Before a pass it refuses, unless <c>--force</c>.
/// </summary>
internal static class SolutionCommand
{
    private const int Context = 3;

    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var slug = CommandContext.SlugArgument();
        var force = new Option<bool>("--force") { Description = "Show them even though your attempt does not pass yet." };
        var diff = new Option<bool>("--diff") { Description = "Show only a diff of your attempt against the closer of the exemplar and the reference." };
        var command = new Command("solution", "Once your attempt passes: the exemplar and the reference, why each is designed so, what it costs, and how yours compares.")
        {
            slug, force, diff,
        };
        command.SetAction(parsed => Run(context, parsed.GetValue(slug)!, parsed.GetValue(force), parsed.GetValue(diff)));
        return command;
    }

    private static int Run(CommandContext context, Kata kata, bool force, bool diffOnly)
    {
        var console = context.Console;
        var progress = context.LoadProgress().For(kata.Slug);
        if (!progress.EverSolved && !force)
        {
            console.MarkupLineInterpolated(
                $"[yellow]The answers of {kata.Slug} unlock once your attempt passes every stage.[/] Check it with ./kata check {kata.Slug}, take a hint with ./kata hint {kata.Slug}, or pass --force to look now.");
            return ExitCodes.Failure;
        }

        var layout = context.Layout;
        List<(string Name, string Folder)> answers =
            [.. layout.AnswerFolders(kata).Select(folder => (Path.GetFileName(folder), folder)), ("Reference", layout.SolutionFolder(kata))];
        string attempt = context.Files.Ensure(kata);
        if (diffOnly)
        {
            var (name, folder) = answers.Where(answer => answer.Name is KataLayout.ExemplarName or "Reference")
                .MinBy(answer => ChangedLines(answer.Folder, attempt));
            console.Write(new Rule($"[bold]your attempt against the {Markup.Escape(name.ToLowerInvariant())}, the closer answer[/]").LeftJustified());
            WriteDiffs(console, folder, attempt);
            return ExitCodes.Success;
        }

        var notes = Sections(ReadOrEmpty(layout.AnswersFile(kata)));
        string results = ReadOrEmpty(layout.ResultsFile(kata));
        foreach (var (name, folder) in answers)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(name)}[/] [grey]{Markup.Escape(context.Relative(folder))}[/]").LeftJustified());
            if (notes.TryGetValue(name, out string? note))
            {
                console.WriteLine(note);
            }

            if (BenchmarkRow(results, name) is { } row)
            {
                console.MarkupLineInterpolated($"[bold]Benchmark[/] [grey](from {context.Relative(layout.ResultsFile(kata))})[/]: {row}");
            }

            console.WriteLine();
            foreach (string file in KataLayout.SourceFiles(folder))
            {
                console.Write(new Rule($"[grey]{Markup.Escape(file)}[/]").LeftJustified());
                console.WriteLine(ReadOrEmpty(Path.Combine(folder, file)));
            }
        }

        console.MarkupLineInterpolated($"[grey]./kata solution {kata.Slug} --diff compares your attempt with the closer of the exemplar and the reference.[/]");
        return ExitCodes.Success;
    }

    // The "## Name" sections of the answers README, by name.
    private static Dictionary<string, string> Sections(string markdown)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var body = new List<string>();
        foreach (string line in markdown.Split('\n').Append("## "))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    sections[name] = string.Join('\n', body).Trim();
                }

                name = line[3..].Trim();
                body.Clear();
            }
            else if (name is not null)
            {
                body.Add(line);
            }
        }

        return sections;
    }

    // The answer's row of the first table in the results file, as "column: value" pairs.
    private static string? BenchmarkRow(string results, string answer)
    {
        var rows = results.Split('\n').Where(line => line.StartsWith('|')).Select(Cells).ToList();
        if (rows.Count < 3)
        {
            return null;
        }

        var header = rows[0];
        var row = rows.Skip(2).FirstOrDefault(cells => cells.Count > 0 && cells[0].Replace("*", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal)
            .Trim().StartsWith(answer, StringComparison.OrdinalIgnoreCase));
        return row is null ? null : string.Join("; ", header.Skip(1).Zip(row.Skip(1)).Select(pair => $"{pair.First} {pair.Second}"));

        static List<string> Cells(string line) => [.. line.Trim().Trim('|').Split('|').Select(cell => cell.Trim())];
    }

    private static int ChangedLines(string folder, string attempt) =>
        KataLayout.SourceFiles(folder).Union(KataLayout.SourceFiles(attempt), StringComparer.Ordinal)
            .Sum(file => new InlineDiffBuilder(new Differ())
                .BuildDiffModel(ReadOrEmpty(Path.Combine(folder, file)), ReadOrEmpty(Path.Combine(attempt, file)), ignoreWhitespace: true)
                .Lines.Count(line => line.Type != ChangeType.Unchanged));

    private static void WriteDiffs(IAnsiConsole console, string answer, string attempt)
    {
        foreach (string file in KataLayout.SourceFiles(answer).Union(KataLayout.SourceFiles(attempt), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            console.Write(new Rule($"[bold]diff: {Markup.Escape(file)}[/] [red]- answer[/] [green]+ your attempt[/]").LeftJustified());
            WriteUnifiedDiff(console, ReadOrEmpty(Path.Combine(answer, file)), ReadOrEmpty(Path.Combine(attempt, file)));
        }
    }

    /// <summary>Writes the lines that differ, with <see cref="Context"/> unchanged lines around each change.</summary>
    private static void WriteUnifiedDiff(IAnsiConsole console, string before, string after)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(before, after, ignoreWhitespace: false).Lines;
        var show = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (int j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                {
                    show[j] = true;
                }
            }
        }

        if (!show.Contains(true))
        {
            console.MarkupLine("[grey](identical)[/]");
            return;
        }

        for (int i = 0; i < lines.Count; i++)
        {
            if (!show[i])
            {
                if (i > 0 && show[i - 1])
                {
                    console.MarkupLine("[grey]...[/]");
                }

                continue;
            }

            var (prefix, colour) = lines[i].Type switch
            {
                ChangeType.Deleted => ("-", "red"),
                ChangeType.Inserted => ("+", "green"),
                _ => (" ", "default"),
            };
            console.MarkupLineInterpolated($"[{colour}]{prefix} {lines[i].Text}[/]");
        }
    }

    private static string ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
}
