using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Cli.Engine;

namespace Katas.Cli.Progress;

/// <summary>
/// The learner's progress, in one small git-ignored JSON file at the repository root, <c>.kata-state.json</c>.
/// A damaged file is kept aside as a backup and progress starts afresh, with one line saying so; changes are
/// made under a lock and written to a temporary file that then replaces the old one, so that two runners saving
/// at once lose neither's update and a crash mid-write leaves the old file whole.
/// </summary>
internal sealed class ProgressStore
{
    /// <summary>The file's name.</summary>
    public const string FileName = ".kata-state.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly string _path;

    // Progress by kata slug.
    private readonly Dictionary<string, KataProgress> _katas;

    private ProgressStore(string path, Dictionary<string, KataProgress> katas, string? damage)
    {
        _path = path;
        _katas = katas;
        Damage = damage;
    }

    /// <summary>Gets what was wrong with the file when it was loaded, and where its backup is; <see langword="null"/> when it was fine.</summary>
    public string? Damage { get; }

    /// <summary>Loads the progress file of a repository; a missing file is an empty progress, and so is a damaged one, kept aside.</summary>
    /// <param name="root">The repository root.</param>
    /// <returns>The store.</returns>
    public static ProgressStore Load(string root)
    {
        string path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            return new ProgressStore(path, new(StringComparer.Ordinal), null);
        }

        string? problem;
        try
        {
            string text = File.ReadAllText(path);
            var katas = text.Trim().Length == 0 ? null : JsonSerializer.Deserialize<Dictionary<string, KataProgress>>(text, Options);
            if (katas is not null)
            {
                return new ProgressStore(path, new Dictionary<string, KataProgress>(katas, StringComparer.Ordinal), null);
            }

            problem = text.Trim().Length == 0 ? "is empty" : "holds no progress";
        }
        catch (JsonException exception)
        {
            problem = $"is damaged ({exception.Message.Split('.')[0]})";
        }
        catch (IOException exception)
        {
            problem = $"cannot be read ({exception.Message})";
        }

        string backup = $"{path}.damaged-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        try
        {
            File.Copy(path, backup, overwrite: true);
        }
        catch (IOException)
        {
            backup = "(no backup could be made)";
        }

        return new ProgressStore(path, new(StringComparer.Ordinal), $"{FileName} {problem}; it is kept as {Path.GetFileName(backup)} and progress starts afresh.");
    }

    /// <summary>Changes the progress of a repository: loads the file under a lock, applies the change and saves it.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="change">The change.</param>
    /// <returns>The store as saved.</returns>
    public static ProgressStore Update(string root, Action<ProgressStore> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var held = FileLock.TakeAsync(Path.Combine(root, ".kata", "state.lock"), CancellationToken.None).GetAwaiter().GetResult();
        var store = Load(root);
        change(store);
        store.Save();
        return store;
    }

    /// <summary>Gets the progress of a kata, creating an empty one on first use.</summary>
    /// <param name="slug">The kata's slug.</param>
    /// <returns>The progress.</returns>
    public KataProgress For(string slug)
    {
        if (!_katas.TryGetValue(slug, out var progress))
        {
            progress = new KataProgress();
            _katas[slug] = progress;
        }

        return progress;
    }

    /// <summary>Forgets every kata's practice history, keeping the rest.</summary>
    public void ForgetHistory()
    {
        foreach (var progress in _katas.Values)
        {
            progress.Tries.Clear();
            progress.Practice = null;
        }
    }

    private void Save()
    {
        // A name of its own, so that two processes never write the same temporary file.
        string temporary = $"{_path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_katas, Options));
        File.Move(temporary, _path, overwrite: true);
    }
}
