namespace Katas.Cli.Progress;

/// <summary>One timed practice of a kata: from a fresh stub to green, against the clock.</summary>
internal sealed class PracticeTry
{
    /// <summary>Gets or sets when it started.</summary>
    public DateTimeOffset Started { get; set; }

    /// <summary>Gets or sets how long it may take.</summary>
    public TimeSpan TimeLimit { get; set; }

    /// <summary>Gets or sets how long from the start each stage took to pass, by stage.</summary>
    public Dictionary<int, TimeSpan> StagePassedAfter { get; set; } = [];

    /// <summary>Gets or sets how many hints were revealed during it.</summary>
    public int HintsTaken { get; set; }

    /// <summary>Gets or sets how long it took to pass every stage, or <see langword="null"/> when it did not.</summary>
    public TimeSpan? SolvedAfter { get; set; }

    /// <summary>Gets or sets whether the time ran out before it was solved.</summary>
    public bool TimeRanOut { get; set; }

    /// <summary>Gets or sets when it ended, or <see langword="null"/> while it is under way.</summary>
    public DateTimeOffset? Ended { get; set; }
}
