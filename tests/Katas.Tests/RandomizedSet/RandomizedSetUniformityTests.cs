using System.Globalization;
using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// Stage 4 of the randomized set: every held item is drawn, each as often as every other, and each draw regardless
/// of the one before, whatever was added and removed. The chi-square tests draw at least 200,000 times from fixed
/// seeds and fail below a p-value of 1e-6 (<see cref="ChiSquare.Significance"/>): a correct set fails one of them
/// with that probability, so the 20 here are all passed by about 99.998 % of correct answers, and passed or failed
/// the same way on every run. The biased sets these tests are for (a draw from [0, Count] clamped to the last slot,
/// a step from a removed slot to the next held one) come out at p-values far below 1e-100.
/// </summary>
[Stage(4)]
public sealed class RandomizedSetUniformityTests
{
    // Draws per item in the chi-square tests: every cell expects thousands, far above the five the test needs.
    private const int DrawsPerItem = 10_000;

    [Fact]
    public void Every_item_is_drawn_sooner_or_later()
    {
        // A correct set misses one of 10 items in 1,000 draws with a probability of about 10 * 0.9^1000, or 1e-45.
        for (int size = 2; size <= 10; size++)
        {
            var set = new RandomizedSet<int>(new Random(size));
            for (int item = 0; item < size; item++)
            {
                set.TryAdd(item);
            }

            var drawn = Enumerable.Range(0, 1_000).Select(_ => set.GetRandom()).ToHashSet();

            drawn.Should().BeEquivalentTo(Enumerable.Range(0, size), $"1,000 draws from {size} items draw each of them");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Draws_from_a_set_built_by_adding_are_uniform(int seed)
    {
        var set = new RandomizedSet<int>(new Random(seed));
        for (int item = 0; item < 20; item++)
        {
            set.TryAdd(item);
        }

        ShouldDrawUniformly(set, [.. Enumerable.Range(0, 20)], $"Draws from 20 added items, seed {seed},");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Draws_after_removals_are_uniform(int seed)
    {
        // Removals from the front, the back and every fifth place, fewer than half of the items: a set that leaves
        // holes and steps from one to the next item draws the item after a run of holes once for each hole too.
        var set = new RandomizedSet<int>(new Random(seed));
        for (int item = 0; item < 60; item++)
        {
            set.TryAdd(item);
        }

        int[] removed = [0, 1, 2, 3, 59, .. Enumerable.Range(2, 10).Select(i => 5 * i)];
        foreach (int item in removed)
        {
            set.Remove(item).Should().BeTrue();
        }

        ShouldDrawUniformly(set, [.. Enumerable.Range(0, 60).Except(removed)], $"Draws from 45 items left after 15 removals, seed {seed},");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Draws_after_a_long_run_of_adds_and_removes_are_uniform(int seed)
    {
        var set = new RandomizedSet<int>(new Random(seed));
        var calls = new Random(seed + 1_000);
        var held = new HashSet<int>();
        for (int i = 0; i < 20_000; i++)
        {
            int item = calls.Next(50);
            if (held.Add(item))
            {
                set.TryAdd(item);
            }
            else
            {
                held.Remove(item);
                set.Remove(item);
            }
        }

        ShouldDrawUniformly(set, [.. held.Order()], $"Draws from the {held.Count} items left after 20,000 adds and removes, seed {seed},");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Consecutive_draws_are_independent(int seed)
    {
        // Pairs of draws, not overlapping, each pair a cell of an 8 by 8 table: a set that, say, never draws the same
        // item twice in a row draws every single item equally often, but leaves the diagonal empty.
        const int Items = 8;
        const int Pairs = Items * Items * 2_000;
        var set = new RandomizedSet<int>(new Random(seed));
        for (int item = 0; item < Items; item++)
        {
            set.TryAdd(item);
        }

        var observed = new long[Items * Items];
        for (int pair = 0; pair < Pairs; pair++)
        {
            int first = set.GetRandom();
            int second = set.GetRandom();
            observed[(first * Items) + second]++;
        }

        ChiSquare.ShouldFit(
            $"Pairs of consecutive draws from {Items} items, seed {seed},",
            observed,
            [.. Enumerable.Repeat((double)Pairs / (Items * Items), Items * Items)],
            cell => string.Create(CultureInfo.InvariantCulture, $"{cell / Items} then {cell % Items}"));
    }

    private static void ShouldDrawUniformly(RandomizedSet<int> set, int[] held, string what)
    {
        set.Count.Should().Be(held.Length);
        int draws = DrawsPerItem * held.Length;
        var cells = new Dictionary<int, int>();
        for (int cell = 0; cell < held.Length; cell++)
        {
            cells[held[cell]] = cell;
        }

        var observed = new long[held.Length];
        for (int i = 0; i < draws; i++)
        {
            int item = set.GetRandom();
            if (!cells.TryGetValue(item, out int cell))
            {
                throw new XunitException($"{what} GetRandom() returned {item}, which the set does not hold.");
            }

            observed[cell]++;
        }

        ChiSquare.ShouldFit(what, observed, [.. Enumerable.Repeat((double)DrawsPerItem, held.Length)], cell => $"item {held[cell]}");
    }
}
