using Katas.Catalogue;
using Spectre.Console.Testing;

namespace Katas.Cli.Tests;

/// <summary>
/// <c>check</c> from end to end: each test builds a real attempt at the LRU kata and runs its contract
/// tests, so they share one collection and never run in parallel with each other.
/// </summary>
[Collection(nameof(CheckEndToEndTests))]
public sealed class CheckEndToEndTests : IDisposable
{
    private static readonly Kata Lru = KataCatalogue.Find("lru-cache")!;

    private readonly string _attempt = Directory.CreateTempSubdirectory("kata-attempt-").FullName;

    public CheckEndToEndTests()
    {
        // A compiler server would outlive the test run (and keep its handles open); tests build without one.
        Environment.SetEnvironmentVariable("KATA_NO_COMPILER_SERVER", "1");
    }

    public void Dispose() => Directory.Delete(_attempt, recursive: true);

    [Fact]
    public async Task An_unimplemented_attempt_fails_with_exit_code_one_and_points_at_the_line_that_threw()
    {
        WriteAttempt(CorrectAttempt().Replace(
            "ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);",
            "throw new NotImplementedException(\"Start here.\");",
            StringComparison.Ordinal));

        var (exitCode, output) = await RunAsync("check", "lru-cache", "--attempt", _attempt);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("First failure:")
            .And.Contain("Start here.")
            .And.MatchRegex(@"at Katas\.LruCache`2\.\.ctor.* in .*LruCache\.cs:line \d+")
            .And.MatchRegex(@"0 of \d+ tests pass");
    }

    [Fact]
    public async Task A_correct_attempt_passes_with_exit_code_zero()
    {
        WriteAttempt(CorrectAttempt());

        var (exitCode, output) = await RunAsync("check", "lru-cache", "--attempt", _attempt);

        exitCode.Should().Be(ExitCodes.Success, output);
        output.Should().MatchRegex(@"All \d+ tests pass");
    }

    [Fact]
    public async Task A_subtly_wrong_attempt_from_a_mistake_recipe_fails_and_shows_the_assertion_message()
    {
        // The recipe edits the correct alternative: TryGet no longer moves a hit to the front.
        string recipe = Path.Combine(RepositoryLayout.Current.Root, "tests", "Mistakes", "LruCache", "NoRefreshOnGet.md");

        var (exitCode, output) = await RunAsync("check", "lru-cache", "--attempt", recipe);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("✗ LruCacheTests.A_hit_makes_the_entry_the_most_recently_used").And.Contain("Expected");
        File.ReadAllText(Path.Combine(Path.Combine(RepositoryLayout.Current.StateFolder, "mistakes", Lru.Folder, "NoRefreshOnGet"), "LruCache.cs"))
            .Should().StartWith("// Mistake: A hit in TryGet does not move the entry to the front");
    }

    [Fact]
    public async Task An_attempt_that_is_neither_a_folder_nor_a_recipe_is_a_usage_error()
    {
        string missing = Path.Combine(_attempt, "NoSuchMistake.md");

        var (exitCode, output) = await RunAsync("check", "lru-cache", "--attempt", missing);

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().Contain("no such folder or mistake recipe");
    }

    [Fact]
    public async Task A_recipe_that_no_longer_fits_its_alternative_is_reported_not_built()
    {
        string recipe = Path.Combine(_attempt, "Stale.md");
        string alternative = Path.GetRelativePath(_attempt, Path.Combine(RepositoryLayout.Current.Root, "tests", "Alternatives", "LruCache", "DictionaryLinkedList"));
        File.WriteAllText(recipe, $"# Stale\n\nWrong.\n\nMade from [DictionaryLinkedList]({alternative}).\n\n## In `LruCache.cs`, replace\n```csharp\nno such line\n```\n## with\n```csharp\n```\n");

        var (exitCode, output) = await RunAsync("check", "lru-cache", "--attempt", recipe);

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().Contain("no longer fits");
    }

    [Fact]
    public async Task An_attempt_that_does_not_compile_shows_compiler_messages_pointing_at_its_file()
    {
        WriteAttempt(CorrectAttempt().Replace("public int Capacity { get; }", "public int Capacity { get; } oops", StringComparison.Ordinal));

        var (exitCode, output) = await RunAsync("check", "lru-cache", "--attempt", _attempt);

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("does not compile").And.MatchRegex(@"LruCache\.cs\(\d+,\d+\)").And.MatchRegex("CS\\d{4}");
    }

    [Fact]
    public async Task An_attempt_that_blocks_is_stopped_and_reported_as_blocked()
    {
        WriteAttempt(CorrectAttempt().Replace(
            "if (_nodes.TryGetValue(key, out var node))\n        {\n            _recency.Remove(node);",
            "if (_nodes.TryGetValue(key, out var node))\n        {\n            new ManualResetEventSlim().Wait();\n            _recency.Remove(node);",
            StringComparison.Ordinal));

        var (exitCode, output) = await RunAsync("check", "lru-cache", "--attempt", _attempt, "--timeout", "10");

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("(blocked)").And.Contain("never finished");
    }

    [Fact(Timeout = 120_000)]
    public async Task Watch_checks_again_when_the_attempt_is_saved_and_leaves_on_cancel()
    {
        WriteAttempt(CorrectAttempt().Replace(
            "ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);",
            "throw new NotImplementedException(\"Start here.\");",
            StringComparison.Ordinal));
        var console = Runner.NewConsole();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var watching = new KataApp(console, RepositoryLayout.Current).RunAsync(["watch", "lru-cache", "--attempt", _attempt], stop.Token);

        await WaitForOutputAsync(console, "0 of ");
        WriteAttempt(CorrectAttempt());
        await WaitForOutputAsync(console, "All ");
        await stop.CancelAsync();
        int exitCode = await watching;

        exitCode.Should().Be(ExitCodes.Success);
        console.Output.Should().Contain("Start here.").And.MatchRegex(@"All \d+ tests pass").And.Contain("Stopped watching");
    }

    private static async Task WaitForOutputAsync(TestConsole console, string text)
    {
        while (!Snapshot(console).Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        static string Snapshot(TestConsole console)
        {
            try
            {
                return console.Output;
            }
            catch (ArgumentOutOfRangeException)
            {
                // The watch is writing on another thread; look again shortly.
                return "";
            }
        }
    }

    private static string CorrectAttempt()
    {
        return File.ReadAllText(Path.Combine(RepositoryLayout.Current.ExemplarFolder(Lru), "LruCache.cs")).ReplaceLineEndings("\n");
    }

    private void WriteAttempt(string source) => File.WriteAllText(Path.Combine(_attempt, "LruCache.cs"), source);

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => Runner.RunAsync(RepositoryLayout.Current, null, args);
}
