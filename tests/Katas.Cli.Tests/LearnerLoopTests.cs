using Katas.Catalogue;
using Katas.Cli.Progress;
using Microsoft.Extensions.Time.Testing;

namespace Katas.Cli.Tests;

/// <summary>
/// The learner's loop from end to end, on a fake clock: a watch that follows the board from kata to kata, and timed
/// practice from a fresh stub that leaves the learner's own attempt alone and schedules the next review.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class LearnerLoopTests : IDisposable
{
    private static readonly Kata Lfu = KataCatalogue.Find("lfu-cache")!;

    private readonly string _folder = Directory.CreateTempSubdirectory("kata-learner-").FullName;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    public LearnerLoopTests() => Layout = RepositoryLayout.ForLearner(_folder);

    private KataLayout Layout { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task Watch_without_a_slug_starts_at_the_next_kata_and_moves_on_once_it_passes()
    {
        var console = Runner.NewConsole();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var watch = Runner.RunAsync(Layout, _time, console, null, stop.Token, "watch");
        await UntilAsync(console, "Stage 1 of 3 does not pass yet");
        console.Output.Should().Contain("Watching lru-cache (following the board): open ").And.Contain("attempts/LruCache/LruCache.cs");
        _time.Advance(TimeSpan.FromMinutes(20));
        File.WriteAllText(Path.Combine(Layout.AttemptFolder(Attempts.Lru), "LruCache.cs"), Attempts.Correct);
        await UntilAsync(console, "Watching lfu-cache");
        await stop.CancelAsync();
        var (exitCode, output) = await watch;

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("lru-cache is solved: every stage passes, 20:00 after your first check of it. On to the next kata.")
            .And.Contain("attempts/LfuCache/LfuCache.cs").And.Contain("Stopped watching.");
        File.Exists(Path.Combine(Layout.AttemptFolder(Lfu), "LfuCache.cs")).Should().BeTrue("the watch makes the next kata's attempt so the file it names exists");
    }

    [Fact]
    public async Task Practice_starts_from_a_fresh_stub_leaves_the_attempt_alone_and_check_judges_the_practice_copy()
    {
        Directory.CreateDirectory(Layout.AttemptFolder(Attempts.Lru));
        File.WriteAllText(Path.Combine(Layout.AttemptFolder(Attempts.Lru), "LruCache.cs"), Attempts.Correct);
        string stub = File.ReadAllText(Path.Combine(Layout.ExerciseFolder(Attempts.Lru), "LruCache.cs"));

        var (started, startOutput) = await RunAsync("practice", "lru-cache", "--no-watch");

        started.Should().Be(ExitCodes.Success, startOutput);
        startOutput.Should().Contain("Practice: LRU cache (lru-cache), 45:00 from now").And.Contain("practice/LruCache/LruCache.cs");
        File.ReadAllText(Path.Combine(Layout.PracticeAttemptFolder(Attempts.Lru), "LruCache.cs")).Should().Be(stub);
        File.ReadAllText(Path.Combine(Layout.AttemptFolder(Attempts.Lru), "LruCache.cs")).Should().Be(Attempts.Correct, "the learner's own attempt is left alone");

        _time.Advance(TimeSpan.FromMinutes(5));
        var (failing, failingOutput) = await RunAsync("check", "lru-cache");

        failing.Should().Be(ExitCodes.Failure, "the practice copy is still the stub, whatever the learner's own attempt says");
        failingOutput.Should().Contain("practice/LruCache").And.Contain("Practice of lru-cache: 40:00 left of 45:00; 0 hints taken.");
        ProgressStore.Load(Layout.ProgressFile).For("lru-cache").Practice.Should().NotBeNull();
    }

    [Fact]
    public async Task Each_practice_is_recorded_per_stage_and_the_next_review_follows_the_history()
    {
        await RunAsync("practice", "lru-cache", "--no-watch");
        await RunAsync("hint", "lru-cache");
        File.WriteAllText(Path.Combine(Layout.PracticeAttemptFolder(Attempts.Lru), "LruCache.cs"), Attempts.Correct);
        _time.Advance(TimeSpan.FromMinutes(12) + TimeSpan.FromSeconds(30));

        var (exitCode, output) = await RunAsync("check", "lru-cache");

        exitCode.Should().Be(ExitCodes.Success, output);
        output.Should().Contain("Stage 1 of 3 passed at 12:30.").And.Contain("Stage 3 of 3 passed at 12:30.")
            .And.Contain("Practice solved in 12:30 with 1 hint (time limit 45:00): hinted or over time, so the kata comes back sooner.")
            .And.Contain("Next review of lru-cache in 1 day (2026-12-03)");
        var progress = ProgressStore.Load(Layout.ProgressFile).For("lru-cache");
        progress.Practice.Should().BeNull();
        progress.Tries.Should().ContainSingle().Which.Should().Match<PracticeTry>(done =>
            done.SolvedAfter == TimeSpan.FromSeconds(750) && done.HintsTaken == 1 && !done.TimeRanOut && done.StagePassedAfter.Count == 3);

        // The next try, a day later, is clean and fast: the interval grows again.
        _time.Advance(TimeSpan.FromDays(1));
        var (_, again) = await RunAsync("practice", "--no-watch");
        again.Should().Contain("Practice: LRU cache", "lru-cache is due, so practice with no slug takes it");
        File.WriteAllText(Path.Combine(Layout.PracticeAttemptFolder(Attempts.Lru), "LruCache.cs"), Attempts.Correct);
        _time.Advance(TimeSpan.FromMinutes(10));
        var (_, solved) = await RunAsync("check", "lru-cache");
        solved.Should().Contain("Practice solved in 10:00 without a hint (time limit 45:00): clean and fast, so the kata comes back much later.")
            .And.Contain("Next review of lru-cache in 3 days (2026-12-06)", "the one-day interval grows by the ease (2.35 after the hinted try) and by 1.3 for speed")
            .And.Contain("your best time is 10:00");

        var (_, board) = await RunAsync("list", "--cached");
        board.Should().Contain("10:00").And.Contain("in 3 days (2026-12-06)");
    }

    [Fact]
    public async Task Practice_with_no_slug_takes_the_most_overdue_kata_and_stop_counts_as_not_solved()
    {
        ProgressStore.Update(Layout.ProgressFile, store =>
        {
            store.For("min-stack").Tries.Add(Try(daysAgo: 10, solvedMinutes: 20));
            store.For("lru-cache").Tries.Add(Try(daysAgo: 30, solvedMinutes: 20));
        });

        var (_, output) = await RunAsync("practice", "--no-watch");
        output.Should().Contain("Practice: LRU cache", "lru-cache came due twenty-seven days ago, min-stack seven");

        var (stopped, stopOutput) = await RunAsync("practice", "--stop");
        stopped.Should().Be(ExitCodes.Success);
        stopOutput.Should().Contain("Gave up the practice of lru-cache: it counts as not solved, so it comes back in 1 day");
        ProgressStore.Load(Layout.ProgressFile).For("lru-cache").Tries.Should().HaveCount(2).And.Subject.Last().SolvedAfter.Should().BeNull();

        var (_, forget) = await RunAsync("practice", "--reset-history");
        forget.Should().Contain("Forgot every practice try");
        ProgressStore.Load(Layout.ProgressFile).For("lru-cache").Tries.Should().BeEmpty();
    }

    private PracticeTry Try(int daysAgo, int solvedMinutes)
    {
        var started = _time.GetUtcNow().AddDays(-daysAgo);
        return new PracticeTry
        {
            Started = started,
            TimeLimit = TimeSpan.FromMinutes(45),
            SolvedAfter = TimeSpan.FromMinutes(solvedMinutes),
            Ended = started.AddMinutes(solvedMinutes),
        };
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        Runner.RunAsync(Layout, _time, Runner.NewConsole(), null, TestContext.Current.CancellationToken, args);

    private static async Task UntilAsync(Spectre.Console.Testing.TestConsole console, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!Read(console).Contains(text, StringComparison.Ordinal))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, $"the watch should have written \"{text}\" by now; it wrote:\n{Read(console)}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static string Read(Spectre.Console.Testing.TestConsole console)
    {
        try
        {
            return console.Output;
        }
        catch (ArgumentException)
        {
            // The watch is writing on another thread; look again shortly.
            return "";
        }
    }
}
