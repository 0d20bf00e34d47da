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

    [Fact]
    public async Task Hint_reveals_one_hint_at_a_time_and_remembers_how_many()
    {
        var hints = Hints.Parse(File.ReadAllText(_repository.Layout.HintsFile(Lru)));

        var (firstExit, first) = await _repository.RunAsync("hint", "lru-cache");
        var (_, second) = await _repository.RunAsync("hint", "lru-cache");

        firstExit.Should().Be(ExitCodes.Success);
        first.Should().Contain($"hint 1 of {hints.Count}").And.NotContain("hint 2 of");
        second.Should().Contain($"hint 2 of {hints.Count}").And.NotContain("hint 1 of");
        ProgressStore.Load(_repository.Layout.Root).For("lru-cache").HintsTaken.Should().Be(2);
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
    public async Task Hints_stop_at_the_last_one()
    {
        int count = Hints.Parse(File.ReadAllText(_repository.Layout.HintsFile(Lru))).Count;
        for (int i = 0; i < count + 2; i++)
        {
            await _repository.RunAsync("hint", "lru-cache");
        }

        var (_, output) = await _repository.RunAsync("hint", "lru-cache");

        output.Should().Contain($"hint {count} of {count}").And.Contain("last hint");
        ProgressStore.Load(_repository.Layout.Root).For("lru-cache").HintsTaken.Should().Be(count);
    }

    [Fact]
    public async Task Reset_with_yes_restores_the_untouched_stub_and_deletes_added_files()
    {
        string stub = Path.Combine(_repository.Layout.ExerciseFolder(Lru), "LruCache.cs");
        string untouched = File.ReadAllText(stub);
        File.WriteAllText(stub, "// my half-finished attempt");
        string added = Path.Combine(_repository.Layout.ExerciseFolder(Lru), "Helper.cs");
        File.WriteAllText(added, "// a helper I added");

        var (exitCode, output) = await _repository.RunAsync("reset", "lru-cache", "--yes");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("Restored");
        File.ReadAllText(stub).Should().Be(untouched);
        File.Exists(added).Should().BeFalse();
        File.Exists(_repository.Layout.InstructionsFile(Lru)).Should().BeTrue("reset touches only the C# files");
    }

    [Fact]
    public async Task Reset_asks_first_and_keeps_the_attempt_when_the_answer_is_no()
    {
        string stub = Path.Combine(_repository.Layout.ExerciseFolder(Lru), "LruCache.cs");
        File.WriteAllText(stub, "// my attempt");

        var (exitCode, output) = await _repository.RunAsync(
            console =>
            {
                console.Interactive();
                console.Input.PushTextWithEnter("n");
            },
            "reset",
            "lru-cache");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("Restore the untouched stub?").And.Contain("Nothing changed");
        File.ReadAllText(stub).Should().Be("// my attempt");
    }

    [Fact]
    public async Task Reset_without_a_terminal_needs_yes()
    {
        string stub = Path.Combine(_repository.Layout.ExerciseFolder(Lru), "LruCache.cs");
        File.WriteAllText(stub, "// my attempt");

        var (exitCode, output) = await _repository.RunAsync("reset", "lru-cache");

        exitCode.Should().Be(ExitCodes.UsageError);
        output.Should().Contain("--yes");
        File.ReadAllText(stub).Should().Be("// my attempt");
    }

    [Fact]
    public async Task Solution_is_refused_until_the_attempt_has_passed()
    {
        var (exitCode, output) = await _repository.RunAsync("solution", "lru-cache");

        exitCode.Should().Be(ExitCodes.Failure);
        output.Should().Contain("unlocks once your attempt passes").And.Contain("--force");
    }

    [Fact]
    public async Task Solution_after_a_pass_shows_the_reference_and_a_diff_against_the_attempt()
    {
        var store = ProgressStore.Load(_repository.Layout.Root);
        store.For("lru-cache").EverSolved = true;
        store.Save();
        string reference = File.ReadAllText(Path.Combine(_repository.Layout.SolutionFolder(Lru), "LruCache.cs"));
        string referenceOnlyLine = reference.Split('\n').First(line => line.Contains("private const int InitialSlots", StringComparison.Ordinal)).TrimEnd();

        var (exitCode, output) = await _repository.RunAsync("solution", "lru-cache");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("reference: src/Katas.Solutions/LruCache/LruCache.cs")
            .And.Contain("- reference")
            .And.Contain("- " + referenceOnlyLine, "a line only the reference has is shown as removed")
            .And.Contain("+ ", "the attempt's own lines are shown as added");
    }

    [Fact]
    public async Task Solution_with_force_shows_the_diff_before_a_pass()
    {
        var (exitCode, output) = await _repository.RunAsync("solution", "lru-cache", "--force", "--diff");

        exitCode.Should().Be(ExitCodes.Success);
        output.Should().Contain("diff: LruCache.cs").And.NotContain("reference: src/");
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

        output.Should().Contain("not started").And.Contain($"0 of {KataCatalogue.All.Count} katas solved").And.Contain("Next: " + KataCatalogue.All[0].Slug);
        File.Exists(Path.Combine(_repository.Layout.Root, "tests", "Katas.Exercises.Tests", "bin")).Should().BeFalse();
    }

    [Fact]
    public async Task List_counts_a_kata_as_solved_from_its_last_check_while_the_attempt_is_unchanged()
    {
        string stub = Path.Combine(_repository.Layout.ExerciseFolder(Lru), "LruCache.cs");
        File.AppendAllText(stub, "// solved, say");
        var store = ProgressStore.Load(_repository.Layout.Root);
        var progress = store.For("lru-cache");
        progress.Passed = progress.Total = 30;
        progress.AttemptFingerprint = new Running.KataChecker(_repository.Layout).Fingerprint(Lru);
        progress.HintsTaken = 1;
        store.Save();

        var (_, output) = await _repository.RunAsync("list");

        output.Should().Contain("solved").And.Contain("1/").And.Contain($"1 of {KataCatalogue.All.Count} katas solved");
    }
}
