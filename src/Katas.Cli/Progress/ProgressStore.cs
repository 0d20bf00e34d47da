using System.Text.Json;
using System.Text.Json.Serialization;

namespace Katas.Cli.Progress;

/// <summary>What the runner remembers of one kata between runs.</summary>
internal sealed class KataProgress
{
    /// <summary>Gets or sets how many hints the learner has revealed.</summary>
    public int HintsTaken { get; set; }

    /// <summary>Gets or sets the passing test count of the last check.</summary>
    public int Passed { get; set; }

    /// <summary>Gets or sets the test count of the last check; 0 when it did not compile.</summary>
    public int Total { get; set; }

    /// <summary>Gets or sets whether the last check failed to compile.</summary>
    public bool CompileFailed { get; set; }

    /// <summary>Gets or sets the fingerprint of the attempt's files at the last check, so an unchanged attempt is not checked again.</summary>
    public string? AttemptFingerprint { get; set; }

    /// <summary>Gets or sets whether the attempt has passed every test at least once (the solution is then unlocked).</summary>
    public bool EverSolved { get; set; }
}

/// <summary>
/// The learner's progress, in one small git-ignored JSON file at the repository root. Deleting it loses
/// nothing that matters: checks are re-run, and hints are shown again from the first.
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

    private ProgressStore(string path, Dictionary<string, KataProgress> katas)
    {
        _path = path;
        _katas = katas;
    }

    /// <summary>Loads the progress file of a repository; a missing or unreadable file is an empty progress.</summary>
    /// <param name="root">The repository root.</param>
    /// <returns>The store.</returns>
    public static ProgressStore Load(string root)
    {
        string path = Path.Combine(root, FileName);
        Dictionary<string, KataProgress>? katas = null;
        try
        {
            if (File.Exists(path))
            {
                katas = JsonSerializer.Deserialize<Dictionary<string, KataProgress>>(File.ReadAllText(path), Options);
            }
        }
        catch (JsonException)
        {
            // A damaged file is no worse than a deleted one.
        }

        return new ProgressStore(path, katas ?? new Dictionary<string, KataProgress>(StringComparer.Ordinal));
    }

    /// <summary>Gets the progress of a kata, creating an empty one on first use.</summary>
    /// <param name="slug">The kata's slug.</param>
    /// <returns>The progress, which <see cref="Save"/> writes back.</returns>
    public KataProgress For(string slug)
    {
        if (!_katas.TryGetValue(slug, out var progress))
        {
            progress = new KataProgress();
            _katas[slug] = progress;
        }

        return progress;
    }

    /// <summary>Writes the progress back to its file.</summary>
    public void Save()
    {
        string temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(_katas, Options));
        File.Move(temporary, _path, overwrite: true);
    }
}
