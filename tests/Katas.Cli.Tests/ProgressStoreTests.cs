using Katas.Cli.Progress;

namespace Katas.Cli.Tests;

public sealed class ProgressStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kata-progress-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Progress_survives_a_save_and_a_load()
    {
        var store = ProgressStore.Load(_folder);
        var progress = store.For("lru-cache");
        progress.HintsTaken = 2;
        progress.Passed = 3;
        progress.Total = 30;
        progress.EverSolved = true;
        store.Save();

        var loaded = ProgressStore.Load(_folder).For("lru-cache");

        loaded.Should().BeEquivalentTo(progress);
    }

    [Fact]
    public void A_missing_file_is_an_empty_progress()
    {
        var progress = ProgressStore.Load(_folder).For("lru-cache");

        progress.HintsTaken.Should().Be(0);
        progress.AttemptFingerprint.Should().BeNull();
    }

    [Fact]
    public void A_damaged_file_is_an_empty_progress_not_a_crash()
    {
        File.WriteAllText(Path.Combine(_folder, ProgressStore.FileName), "{ this is not json");

        var progress = ProgressStore.Load(_folder).For("lru-cache");

        progress.HintsTaken.Should().Be(0);
    }
}
