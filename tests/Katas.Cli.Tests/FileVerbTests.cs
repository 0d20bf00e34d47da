using Katas.Catalogue;
using Katas.Cli.Progress;
using Spectre.Console.Testing;

namespace Katas.Cli.Tests;

/// <summary>The verbs that read and write files without building: hint, reset, solution, and list on untouched stubs.</summary>
public sealed class FileVerbTests : IDisposable
{
    private static readonly Kata Lru = KataCatalogue.Find("lru-cache")!;

    private readonly FakeRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private string Attempt => Path.Combine(_repository.Layout.AttemptFolder(Lru), "LruCache.cs");

    [Fact]
    public async Task Hint_reveals_one_hint_of_the_current_stage_at_a_time_and_remembers_how_many()
    {
        var hints = Hints.Parse(File.ReadAllText(_repository.Layout.HintsFile(Lru)));

        var (firstExit, first) = await _repository.RunAsync("hint", "lru-cache");
        var (_, second) = await _repository.RunAsync("hint", "lru-cache");

        firstExit.Should().Be(ExitCodes.Success);
        first.Should().Contain($"stage 1 (The cache): hint 1 of {hints[1].Count}").And.NotContain("hint 2 of");
        second.Should().Contain($"hint 2 of {hints[1].Count}").And.NotContain("hint 1 of");
        ProgressStore.Load(_repository.Layout.Root).For("lru-cache").HintsByStage.Should().Equal(new Dictionary<int, int> { [1] = 2 });
    }

    [Fact]
    public async Task Hint_follows_the_stage_the_last_check_reached()
    {
        _repository.Update(progress => progress.StagesPassed = 1);
        var hints = Hints.Parse(File.ReadAllText(_repository.Layout.HintsFile(Lru)));

        var (_, output) = await _repository.RunAsync("hint", "lru-cache");

        output.Should().Contain($"stage 2 (Keys, values and bad input): hint 1 of {hints[2].Count}").And.Contain(hints[2][0][..30]);
    }

    [Fact]
    public async Task Hint_again_shows_the_revealed_hints_without_revealing_another()
    {
        await _repository.RunAsync("hint", "lru-cache");
        await _repository.RunAsync("hint", "lru-cache");

        var (_, output) = await _repository.RunAsync("hint", "lru-cache", "--again");

        output.Should().Contain("hint 1 of").And.Contain("hint 2 of").And.NotContain("hint 3 of");
        ProgressStore.Load(_repository.Layout.Root).For("lru-cache").HintsTaken.Should().Be(2);
    }

    [Fact]
    public async Task Hints_stop_at_the_last_one_of_the_stage()
    {
        int count = Hints.Parse(File.ReadAllText(_repository.Layout.HintsFile(Lru)))[1].Count;
        for (int i = 0; i < count + 2; i++)
        {
            await _repository.RunAsync("hint", "lru-cache");
        }

        var (_, output) = await _repository.RunAsync("hint", "lru-cache");

        output.Should().Contain($"hint {count} of {count}").And.Contain("last hint of this stage");
        ProgressStore.Load(_repository.Layout.Root).For("lru-cache").HintsTaken.Should().Be(count);
    }

    [Fact]
    public async Task Reset_sets_the_attempt_aside_restores_the_stub_and_undo_brings_the_attempt_back()
    {
        string stub = File.ReadAllText(Path.Combine(_repository.Layout.ExerciseFolder(Lru), "LruCache.cs"));
        Directory.CreateDirectory(Path.GetDirectoryName(Attempt)!);
        File.WriteAllText(Attempt, "// my half-finished attempt");
        string added = Path.Combine(_repository.Layout.AttemptFolder(Lru), "Helper.cs");
        File.WriteAllText(added, "// a helper I added");

        var (exitCode, output) = await _repository.RunAsync("reset", "lru-cache", "--yes");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("is the stub again").And.Contain("set aside in .kata/reset/LruCache-").And.Contain("--undo");
        File.ReadAllText(Attempt).Should().Be(stub);
        File.Exists(added).Should().BeFalse();

        var (undoExit, undone) = await _repository.RunAsync("reset", "lru-cache", "--undo");

        undoExit.Should().Be(ExitCodes.Success);
        undone.Should().Contain("Brought back");
        File.ReadAllText(Attempt).Should().Be("// my half-finished attempt");
        File.ReadAllText(added).Should().Be("// a helper I added");
    }

    [Fact]
    public async Task Undo_without_a_reset_changes_nothing()
    {
        var (exitCode, output) = await _repository.RunAsync("reset", "lru-cache", "--undo");

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("nothing to undo");
    }

    [Fact]
    public async Task Reset_asks_first_and_keeps_the_attempt_when_the_answer_is_no()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Attempt)!);
        File.WriteAllText(Attempt, "// my attempt");

        var (exitCode, output) = await _repository.RunAsync(
            console =>
            {
                console.Interactive();
                console.Input.PushTextWithEnter("n");
            },
            "reset",
            "lru-cache");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("Start again from the stub?").And.Contain("Nothing changed");
        File.ReadAllText(Attempt).Should().Be("// my attempt");
    }

    [Fact]
    public async Task Reset_without_a_terminal_needs_yes()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Attempt)!);
        File.WriteAllText(Attempt, "// my attempt");

        var (exitCode, output) = await _repository.RunAsync("reset", "lru-cache");

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().Contain("--yes");
        File.ReadAllText(Attempt).Should().Be("// my attempt");
    }

    [Fact]
    public async Task Solution_is_refused_until_the_attempt_has_passed()
    {
        var (exitCode, output) = await _repository.RunAsync("solution", "lru-cache");

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("unlock once your attempt passes").And.Contain("--force");
    }

    [Fact]
    public async Task Solution_after_a_pass_shows_the_exemplar_then_the_reference_with_why_and_what_it_costs()
    {
        _repository.Update(progress => progress.EverSolved = true);

        var (exitCode, output) = await _repository.RunAsync("solution", "lru-cache");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("Exemplar src/Katas.Answers/LruCache/Exemplar").And.Contain("Reference src/Katas.Solutions/LruCache")
            .And.Contain("Why this design.").And.Contain("What it costs.")
            .And.Contain("Benchmark (from benchmarks/Katas.Benchmarks/LruCache/README.md)")
            .And.Contain("private readonly LinkedList<KeyValuePair<TKey, TValue>> _recency")
            .And.Contain("private const int InitialSlots");
        output.IndexOf("Exemplar src/", StringComparison.Ordinal).Should().BeLessThan(output.IndexOf("Reference src/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Solution_diff_compares_the_attempt_with_the_closer_answer()
    {
        string exemplar = File.ReadAllText(Path.Combine(_repository.Layout.ExemplarFolder(Lru), "LruCache.cs"));
        Directory.CreateDirectory(Path.GetDirectoryName(Attempt)!);
        File.WriteAllText(Attempt, exemplar.Replace("MoveToFront", "BringToFront", StringComparison.Ordinal));

        var (exitCode, output) = await _repository.RunAsync("solution", "lru-cache", "--force", "--diff");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("against the exemplar, the closer answer")
            .And.Contain("- ").And.Contain("+ ").And.Contain("BringToFront").And.NotContain("InitialSlots");
    }

    [Fact]
    public async Task List_shows_untouched_stubs_as_not_started_without_building_anything()
    {
        var (exitCode, output) = await _repository.RunAsync("list");

        exitCode.Should().Be(ExitCodes.Success);
        foreach (var kata in KataCatalogue.All)
        {
            output.Should().Contain(kata.Slug).And.Contain(kata.Difficulty.ToString());
        }

        output.Should().Contain("not started").And.Contain($"0 of {KataCatalogue.All.Count} katas solved")
            .And.Contain("Next: " + KataCatalogue.All[0].Slug).And.Contain($"write your answer in attempts/{KataCatalogue.All[0].Folder}");
        File.Exists(Path.Combine(_repository.Layout.AttemptFolder(KataCatalogue.All[0]), $"{KataCatalogue.All[0].Folder}.cs"))
            .Should().BeTrue("the board makes the next kata's attempt, so the file it names exists");
        Directory.Exists(_repository.Layout.StateFolder).Should().BeFalse("nothing was built");
    }

    [Fact]
    public async Task List_shows_the_stage_an_attempt_has_reached_from_its_last_check_while_it_is_unchanged()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Attempt)!);
        File.WriteAllText(Attempt, "// halfway, say");
        var checker = new Running.KataChecker(_repository.Layout);
        _repository.Update(progress =>
        {
            progress.Passed = 22;
            progress.Total = 35;
            progress.StagesPassed = 1;
            progress.AttemptFingerprint = checker.Fingerprint(Lru);
            progress.HintsByStage[1] = 1;
        });

        var (_, output) = await _repository.RunAsync("list");

        output.Should().Contain("stage 2 of 3").And.Contain("1/").And.Contain($"0 of {KataCatalogue.All.Count} katas solved")
            .And.Contain("Next: lru-cache");
    }

    [Fact]
    public async Task List_counts_a_kata_whose_every_stage_passed_as_solved()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Attempt)!);
        File.WriteAllText(Attempt, "// solved, say");
        var checker = new Running.KataChecker(_repository.Layout);
        _repository.Update(progress =>
        {
            progress.Passed = progress.Total = 35;
            progress.StagesPassed = 3;
            progress.AttemptFingerprint = checker.Fingerprint(Lru);
        });

        var (_, output) = await _repository.RunAsync("list");

        output.Should().Contain("solved").And.Contain($"1 of {KataCatalogue.All.Count} katas solved");
    }
}
