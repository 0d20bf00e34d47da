namespace Katas.Cli.Progress;

/// <summary>How a practice try went, for the schedule of reviews.</summary>
internal enum TryGrade
{
    /// <summary>It was not solved: given up, or still failing when it was stopped.</summary>
    Failed,

    /// <summary>Solved, but with hints or after the time ran out.</summary>
    SlowOrHinted,

    /// <summary>Solved in time without a hint.</summary>
    Clean,

    /// <summary>Solved without a hint in at most half the time.</summary>
    CleanAndFast,
}

/// <summary>Where a kata stands in the learner's practice: its schedule and its times.</summary>
/// <param name="Tries">How many tries have ended.</param>
/// <param name="IntervalDays">Days from the last try to the next review.</param>
/// <param name="Ease">How fast the interval grows after a clean solve.</param>
/// <param name="Due">When the kata is due for another try, or <see langword="null"/> when it was never practised.</param>
/// <param name="Best">The fastest solve, or <see langword="null"/>.</param>
/// <param name="Last">The last try, or <see langword="null"/>.</param>
internal sealed record Review(int Tries, double IntervalDays, double Ease, DateTimeOffset? Due, TimeSpan? Best, PracticeTry? Last);

/// <summary>
/// Spaced review, after SM-2: each try's grade moves the next review further away or closer. A clean solve
/// stretches the interval by the kata's ease (a fast one by more, and raises the ease); a slow or hinted solve
/// halves it and lowers the ease; a failed try brings the kata back the next day. The schedule is computed from
/// the history of tries alone, so forgetting the history forgets the schedule.
/// </summary>
internal static class ReviewSchedule
{
    /// <summary>The ease of a kata never practised.</summary>
    public const double StartEase = 2.5;

    /// <summary>The lowest ease: even a kata that keeps failing comes back no sooner than the next day.</summary>
    public const double MinEase = 1.3;

    /// <summary>The highest ease.</summary>
    public const double MaxEase = 3.0;

    /// <summary>Grades a finished try.</summary>
    /// <param name="practice">The try.</param>
    /// <returns>Its grade.</returns>
    public static TryGrade Grade(PracticeTry practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        return practice switch
        {
            { SolvedAfter: null } => TryGrade.Failed,
            { HintsTaken: > 0 } or { TimeRanOut: true } => TryGrade.SlowOrHinted,
            _ when practice.SolvedAfter > practice.TimeLimit => TryGrade.SlowOrHinted,
            _ when practice.SolvedAfter <= practice.TimeLimit / 2 => TryGrade.CleanAndFast,
            _ => TryGrade.Clean,
        };
    }

    /// <summary>Replays a kata's tries into its schedule.</summary>
    /// <param name="tries">The finished tries, oldest first.</param>
    /// <returns>The review.</returns>
    public static Review Of(IReadOnlyList<PracticeTry> tries)
    {
        ArgumentNullException.ThrowIfNull(tries);
        double interval = 0;
        double ease = StartEase;
        DateTimeOffset? due = null;
        foreach (var practice in tries.Where(practice => practice.Ended is not null))
        {
            (interval, ease) = Grade(practice) switch
            {
                TryGrade.Failed => (1, Math.Max(MinEase, ease - 0.2)),
                TryGrade.SlowOrHinted => (Math.Max(1, Math.Round(interval / 2)), Math.Max(MinEase, ease - 0.15)),
                TryGrade.Clean => (interval == 0 ? 3 : Math.Round(interval * ease), ease),
                _ => (interval == 0 ? 6 : Math.Round(interval * ease * 1.3), Math.Min(MaxEase, ease + 0.1)),
            };
            due = practice.Ended!.Value.AddDays(interval);
        }

        var ended = tries.Where(practice => practice.Ended is not null).ToList();
        var best = ended.Where(practice => practice.SolvedAfter is not null).Select(practice => practice.SolvedAfter).Min();
        return new Review(ended.Count, interval, ease, due, best, ended.LastOrDefault());
    }
}
