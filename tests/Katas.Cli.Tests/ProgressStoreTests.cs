using Katas.Cli.Progress;

namespace Katas.Cli.Tests;

/// <summary>The progress file: it survives saves and loads, damage, and two runners saving at once.</summary>
public sealed class ProgressStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kata-progress-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string StateFile => Path.Combine(_folder, ProgressStore.FileName);

    [Fact]
    public void Progress_survives_a_save_and_a_load()
    {
        ProgressStore.Update(_folder, store =>
        {
            var progress = store.For("lru-cache");
            progress.HintsByStage[2] = 2;
            progress.Passed = 3;
            progress.Total = 30;
            progress.StagesPassed = 1;
            progress.EverSolved = true;
        });

        var loaded = ProgressStore.Load(_folder);

        loaded.Damage.Should().BeNull();
        loaded.For("lru-cache").Should().BeEquivalentTo(new KataProgress
        {
            HintsByStage = new() { [2] = 2 },
            Passed = 3,
            Total = 30,
            StagesPassed = 1,
            EverSolved = true,
        });
    }

    [Fact]
    public void A_missing_file_is_an_empty_progress()
    {
        var store = ProgressStore.Load(_folder);

        store.Damage.Should().BeNull();
        store.For("lru-cache").HintsTaken.Should().Be(0);
        store.For("lru-cache").AttemptFingerprint.Should().BeNull();
    }

    [Theory]
    [InlineData("{ \"lru-cache\": { \"passed\": 3, \"tot", "is damaged")]
    [InlineData("", "is empty")]
    [InlineData("\u0000\u0001garbage\u00ff", "is damaged")]
    [InlineData("null", "holds no progress")]
    public void A_damaged_file_is_kept_aside_said_in_one_line_and_progress_starts_afresh(string content, string said)
    {
        File.WriteAllText(StateFile, content);

        var store = ProgressStore.Load(_folder);

        store.Damage.Should().Contain($".kata-state.json {said}").And.Contain("kept as .kata-state.json.damaged-").And.NotContain("\n");
        store.For("lru-cache").Passed.Should().Be(0);
        Directory.GetFiles(_folder, ".kata-state.json.damaged-*").Should().ContainSingle()
            .Which.Should().Match(backup => File.ReadAllText(backup) == content);
    }

    [Fact]
    public void Saving_over_a_damaged_file_gives_a_good_one()
    {
        File.WriteAllText(StateFile, "{ broken");

        ProgressStore.Update(_folder, store => store.For("lru-cache").Passed = 5);

        var loaded = ProgressStore.Load(_folder);
        loaded.Damage.Should().BeNull();
        loaded.For("lru-cache").Passed.Should().Be(5);
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_runners_saving_at_once_lose_neither_update()
    {
        const int Updates = 100;

        await Task.WhenAll(
            Task.Run(() => Bump("lru-cache"), TestContext.Current.CancellationToken),
            Task.Run(() => Bump("min-stack"), TestContext.Current.CancellationToken));

        var loaded = ProgressStore.Load(_folder);
        loaded.For("lru-cache").Passed.Should().Be(Updates);
        loaded.For("min-stack").Passed.Should().Be(Updates);
        Directory.GetFiles(_folder, "*.tmp").Should().BeEmpty("every temporary file replaced the state file");

        void Bump(string slug)
        {
            for (int i = 0; i < Updates; i++)
            {
                ProgressStore.Update(_folder, store => store.For(slug).Passed++);
            }
        }
    }
}
