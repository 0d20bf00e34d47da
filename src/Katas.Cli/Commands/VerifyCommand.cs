using System.CommandLine;
using Katas.Catalogue;
using Spectre.Console;

namespace Katas.Cli.Commands;

/// <summary>
/// <c>verify</c>, for maintainers and CI: proves the contract tests bite. Every kata's untouched stub and
/// every deliberate mistake in tests/Mistakes must fail them; every alternative in tests/Alternatives must
/// pass them.
/// </summary>
internal static class VerifyCommand
{
    private enum Expectation
    {
        Fails,
        Passes,
    }

    /// <summary>Creates the verb.</summary>
    /// <param name="context">What verbs share.</param>
    /// <returns>The command.</returns>
    public static Command Create(CommandContext context)
    {
        var only = new Argument<Kata[]>("slug")
        {
            Description = "Verify only these katas; all of them when none is given.",
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "slug",
            CustomParser = result => [.. result.Tokens.Select(token => CommandContext.FindOrReport(result, token.Value))],
        };
        var command = new Command(
            "verify",
            "For maintainers: prove the tests bite. Every untouched stub and every mistake in tests/Mistakes must fail; every alternative in tests/Alternatives must pass.")
        {
            only,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var katas = parsed.GetValue(only) is { Length: > 0 } chosen ? chosen : [.. KataCatalogue.All];
            return await RunAsync(context, katas, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, IReadOnlyList<Kata> katas, CancellationToken cancellationToken)
    {
        var console = context.Console;
        int held = 0;
        int broken = 0;
        foreach (var kata in katas)
        {
            var candidates = new List<(string Label, string? Source, Expectation Expected)>
            {
                ("stub", null, Expectation.Fails),
            };
            candidates.AddRange(context.Layout.Mistakes(kata).Select(path => ($"mistake {Path.GetFileNameWithoutExtension(path)}", (string?)path, Expectation.Fails)));
            candidates.AddRange(context.Layout.AnswerFolders(kata).Select(folder => ($"answer {Path.GetFileName(folder)}", (string?)folder, Expectation.Passes)));

            foreach (var (label, source, expected) in candidates)
            {
                Running.CheckResult result;
                try
                {
                    result = await context.Checker.CheckAsync(kata, source, Running.KataChecker.DefaultTestTimeLimit, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (InvalidDataException exception)
                {
                    broken++;
                    console.MarkupLineInterpolated($"[red]BROKEN[/] {kata.Slug,-20} {label,-40} {exception.Message}");
                    continue;
                }

                string outcome = !result.Build.Succeeded
                    ? "does not compile"
                    : $"{result.Tests!.Passed} of {result.Tests.Total} pass";
                bool asExpected = result.Build.Succeeded && (expected == Expectation.Passes ? result.Passed : result.Tests!.Total > 0 && !result.Passed);
                if (asExpected)
                {
                    held++;
                    string caughtBy = expected == Expectation.Fails && result.Tests!.FirstFailure is { } failure ? $" (caught by {failure.Name})" : "";
                    console.MarkupLineInterpolated($"[green]ok[/]     {kata.Slug,-20} {label,-40} {outcome}{caughtBy}");
                }
                else
                {
                    broken++;
                    string want = expected == Expectation.Fails ? "must fail its tests" : "must pass its tests";
                    console.MarkupLineInterpolated($"[red]BROKEN[/] {kata.Slug,-20} {label,-40} {outcome}, but {want}");
                    foreach (var error in result.Build.Errors.Take(5))
                    {
                        console.MarkupLineInterpolated($"         [grey]{error.Code} {error.Text}[/]");
                    }
                }
            }
        }

        console.MarkupLineInterpolated($"verify: {held} passed, {broken} failed");
        return broken == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
