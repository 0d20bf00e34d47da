using Katas.Cli.Progress;

namespace Katas.Cli.Tests;

/// <summary>Spaced review: the grade of each try moves the next review further away or closer, from the history alone.</summary>
public sealed class ReviewScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 0, false, "CleanAndFast")]
    [InlineData(22, 0, false, "CleanAndFast")]
    [InlineData(23, 0, false, "Clean")]
    [InlineData(45, 0, false, "Clean")]
    [InlineData(46, 0, true, "SlowOrHinted")]
    [InlineData(10, 1, false, "SlowOrHinted")]
    public void A_solved_try_is_graded_by_its_time_against_the_limit_and_its_hints(int minutes, int hints, bool timeRanOut, string grade)
    {
        var practice = Solved(Start, minutes, hints);
        practice.TimeRanOut = timeRanOut;

        ReviewSchedule.Grade(practice).ToString().Should().Be(grade);
    }

    [Fact]
    public void A_try_that_was_not_solved_fails()
    {
        ReviewSchedule.Grade(new PracticeTry { Started = Start, TimeLimit = TimeSpan.FromMinutes(45), Ended = Start.AddHours(1) })
            .Should().Be(TryGrade.Failed);
    }

    [Fact]
    public void Clean_fast_solves_stretch_the_interval_and_a_failure_brings_the_kata_back_the_next_day()
    {
        var first = Solved(Start, 10, 0);
        var second = Solved(Start.AddDays(6), 10, 0);
        var third = Solved(Start.AddDays(28), 30, 0);
        var failed = new PracticeTry { Started = Start.AddDays(90), TimeLimit = TimeSpan.FromMinutes(45), Ended = Start.AddDays(90).AddMinutes(45) };

        ReviewSchedule.Of([first]).Should().Match<Review>(review => review.IntervalDays == 6 && review.Due == first.Ended!.Value.AddDays(6));
        ReviewSchedule.Of([first, second]).IntervalDays.Should().Be(Math.Round(6 * 2.6 * 1.3), "a fast clean solve multiplies by the ease (2.6 after the first) and by 1.3 more");
        ReviewSchedule.Of([first, second, third]).IntervalDays.Should().Be(Math.Round(20 * 2.7), "a clean solve multiplies by the ease alone");
        ReviewSchedule.Of([first, second, third, failed]).Should().Match<Review>(review => review.IntervalDays == 1 && review.Due == failed.Ended!.Value.AddDays(1));
    }

    [Fact]
    public void A_slow_or_hinted_solve_halves_the_interval_and_lowers_the_ease()
    {
        var tries = new List<PracticeTry> { Solved(Start, 10, 0), Solved(Start.AddDays(6), 10, 0), Solved(Start.AddDays(26), 40, 2) };

        var review = ReviewSchedule.Of(tries);

        review.IntervalDays.Should().Be(10, "half of the twenty days before");
        review.Ease.Should().BeApproximately(2.7 - 0.15, 1e-9);
        review.Best.Should().Be(TimeSpan.FromMinutes(10));
        review.Last.Should().BeSameAs(tries[^1]);
    }

    [Fact]
    public void The_ease_never_falls_below_its_floor()
    {
        var tries = Enumerable.Range(0, 20)
            .Select(day => new PracticeTry { Started = Start.AddDays(day), TimeLimit = TimeSpan.FromMinutes(45), Ended = Start.AddDays(day).AddHours(1) })
            .ToList();

        ReviewSchedule.Of(tries).Ease.Should().Be(ReviewSchedule.MinEase);
    }

    private static PracticeTry Solved(DateTimeOffset started, int minutes, int hints) => new()
    {
        Started = started,
        TimeLimit = TimeSpan.FromMinutes(45),
        SolvedAfter = TimeSpan.FromMinutes(minutes),
        HintsTaken = hints,
        Ended = started.AddMinutes(minutes),
    };
}
