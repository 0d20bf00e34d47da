namespace Katas.Cli.Progress;

/// <summary>What the runner remembers of one kata between runs.</summary>
internal sealed class KataProgress
{
    /// <summary>Gets or sets how many hints the learner has revealed, by stage.</summary>
    public Dictionary<int, int> HintsByStage { get; set; } = [];

    /// <summary>Gets or sets the passing test count of the last check.</summary>
    public int Passed { get; set; }

    /// <summary>Gets or sets the test count of the last check; 0 when it did not compile.</summary>
    public int Total { get; set; }

    /// <summary>Gets or sets how many stages, from the first, passed whole at the last check.</summary>
    public int StagesPassed { get; set; }

    /// <summary>Gets or sets whether the last check failed to compile.</summary>
    public bool CompileFailed { get; set; }

    /// <summary>Gets or sets the fingerprint of the attempt's files at the last check, so an unchanged attempt is not checked again.</summary>
    public string? AttemptFingerprint { get; set; }

    /// <summary>Gets or sets whether the attempt has passed every test at least once (the answers are then unlocked).</summary>
    public bool EverSolved { get; set; }

    /// <summary>Gets or sets the timed practice under way, or <see langword="null"/>.</summary>
    public PracticeTry? Practice { get; set; }

    /// <summary>Gets or sets every finished practice try, oldest first.</summary>
    public List<PracticeTry> Tries { get; set; } = [];

    /// <summary>Gets the total number of hints revealed, over every stage.</summary>
    public int HintsTaken => HintsByStage.Values.Sum();
}
