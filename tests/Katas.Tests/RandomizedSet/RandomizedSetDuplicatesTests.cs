using System.Globalization;
using System.Runtime.CompilerServices;
using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Stage 5 of the randomized set: duplicates allowed (LeetCode 381), as <see cref="RandomizedCollection{T}"/>. Each
/// occurrence is drawn equally often, and removing one of many copies is as quick as removing the only one. The
/// chi-square tests judge at a p-value of 1e-6 (<see cref="ChiSquare.Significance"/>), as stage 4's do: a correct
/// collection fails each of the 10 here with that probability. A collection that draws each distinct item equally
/// often, whatever its copies, comes out at a p-value far below 1e-100.
/// </summary>
[Stage(5)]
[Collection(TimedTests.Name)]
public sealed class RandomizedSetDuplicatesTests
{
    // Operations per timed run: enough to time well in an O(1) collection, few enough that an O(n) one fails in seconds.
    private const int Operations = 2_000;

    // Draws per timed run: they are cheap, and timing more of them evens out the noise.
    private const int Draws = 20_000;

    // Draws per occurrence in the chi-square tests.
    private const int DrawsPerOccurrence = 4_000;

    [Fact]
    public void A_new_collection_is_empty()
    {
        var collection = new RandomizedCollection<int>(new Random(1));

        collection.Count.Should().Be(0);
        collection.Contains(0).Should().BeFalse();
        collection.Invoking(c => c.GetRandom()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void LeetCode_381_example()
    {
        var collection = new RandomizedCollection<int>(new Random(1));

        collection.Add(1).Should().BeTrue();
        collection.Add(1).Should().BeFalse();
        collection.Add(2).Should().BeTrue();
        collection.GetRandom().Should().BeOneOf(1, 2);
        collection.Remove(1).Should().BeTrue();
        collection.GetRandom().Should().BeOneOf(1, 2);
        collection.Count.Should().Be(2);
    }

    [Fact]
    public void Each_add_is_one_more_occurrence()
    {
        var collection = new RandomizedCollection<int>(new Random(1));

        collection.Add(7).Should().BeTrue("the first 7 is new");
        collection.Add(7).Should().BeFalse("the collection already holds a 7");
        collection.Add(7).Should().BeFalse();

        collection.Count.Should().Be(3);
        collection.Contains(7).Should().BeTrue();
        collection.GetRandom().Should().Be(7);
    }

    [Fact]
    public void A_removal_takes_out_one_occurrence_and_the_item_stays_until_the_last_goes()
    {
        var collection = new RandomizedCollection<int>(new Random(1));
        collection.Add(5);
        collection.Add(5);
        collection.Add(5);
        collection.Add(6);

        collection.Remove(5).Should().BeTrue();
        collection.Count.Should().Be(3);
        collection.Contains(5).Should().BeTrue("two 5s are left");
        collection.Remove(5).Should().BeTrue();
        collection.Remove(5).Should().BeTrue();

        collection.Contains(5).Should().BeFalse();
        collection.Remove(5).Should().BeFalse();
        collection.Count.Should().Be(1);
        collection.GetRandom().Should().Be(6);
        collection.Add(5).Should().BeTrue("every 5 has gone, so this one is new");
    }

    [Fact]
    public void Removing_an_item_not_there_returns_false_and_changes_nothing()
    {
        var collection = new RandomizedCollection<int>(new Random(1));
        collection.Add(1);
        collection.Add(1);

        collection.Remove(2).Should().BeFalse();

        collection.Count.Should().Be(2);
        collection.Contains(1).Should().BeTrue();
    }

    [Fact]
    public void Removing_an_item_whose_occurrence_is_in_the_last_slot_takes_it_out_for_good()
    {
        // The occurrence removed is the last one, so the one to move into the hole is itself: nothing may be left
        // pointing at the slot past the end.
        var collection = new RandomizedCollection<int>(new Random(1));
        collection.Add(2);
        collection.Add(1);

        collection.Remove(1).Should().BeTrue();

        collection.Contains(1).Should().BeFalse();
        collection.Count.Should().Be(1);
        collection.GetRandom().Should().Be(2);
        collection.Add(1).Should().BeTrue();
    }

    [Fact]
    public void Removing_an_occurrence_when_the_last_slot_holds_another_copy_of_the_same_item_keeps_the_copies_right()
    {
        var collection = new RandomizedCollection<int>(new Random(1));
        collection.Add(1);
        collection.Add(2);
        collection.Add(1);

        collection.Remove(1).Should().BeTrue();
        collection.Contains(1).Should().BeTrue("one 1 is left");
        collection.Remove(1).Should().BeTrue();

        collection.Contains(1).Should().BeFalse();
        collection.Count.Should().Be(1);
        Enumerable.Range(0, 50).Select(_ => collection.GetRandom()).Should().OnlyContain(item => item == 2);
        collection.Remove(2).Should().BeTrue();
        collection.Count.Should().Be(0);
    }

    [Fact]
    public void Items_the_comparer_calls_equal_are_occurrences_of_one_item()
    {
        var collection = new RandomizedCollection<string>(new Random(1), StringComparer.OrdinalIgnoreCase);

        collection.Add("a").Should().BeTrue();
        collection.Add("A").Should().BeFalse("the comparer calls them equal");

        collection.Count.Should().Be(2);
        Enumerable.Range(0, 100).Select(_ => collection.GetRandom()).Distinct().Order(StringComparer.Ordinal)
            .Should().Equal(["A", "a"], "each occurrence comes back as it was added");
        collection.Remove("A").Should().BeTrue();
        collection.Contains("a").Should().BeTrue();
        collection.Remove("a").Should().BeTrue();
        collection.Contains("A").Should().BeFalse();
    }

    [Fact]
    public void Items_with_colliding_hash_codes_stay_apart()
    {
        var collection = new RandomizedCollection<int>(new Random(1), new OneHashCodeComparer());
        collection.Add(1);
        collection.Add(2);
        collection.Add(3);
        collection.Add(2);

        collection.Remove(2).Should().BeTrue();
        collection.Remove(3).Should().BeTrue();
        collection.Remove(2).Should().BeTrue();

        Enumerable.Range(1, 3).Where(collection.Contains).Should().Equal(1);
        collection.Add(3).Should().BeTrue("every 3 has gone");
        collection.Count.Should().Be(2);
        Enumerable.Range(0, 100).Select(_ => collection.GetRandom()).Distinct().Order().Should().Equal(1, 3);
    }

    [Fact]
    public void An_item_whose_last_occurrence_is_removed_is_not_kept_alive_by_the_collection()
    {
        var collection = new RandomizedCollection<object>(new Random(1));
        collection.Add("kept");

        WeakReference removed = AddTwiceAndRemoveBoth(collection);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        removed.IsAlive.Should().BeFalse("a collection that leaves a removed item in a slot or a key keeps it from the collector");
        collection.Count.Should().Be(3);
    }

    [Fact]
    public void A_null_item_is_refused_by_every_method_and_changes_nothing()
    {
        var collection = new RandomizedCollection<string>(new Random(1));
        collection.Add("a");

        ((Action)(() => collection.Add(null!))).Should().Throw<ArgumentNullException>().WithParameterName("item");
        ((Action)(() => collection.Remove(null!))).Should().Throw<ArgumentNullException>().WithParameterName("item");
        ((Action)(() => collection.Contains(null!))).Should().Throw<ArgumentNullException>().WithParameterName("item");

        collection.Count.Should().Be(1);
        collection.GetRandom().Should().Be("a");
    }

    [Fact]
    public void The_same_seed_and_the_same_calls_give_the_same_draws()
    {
        var first = Draws(new RandomizedCollection<int>(new Random(2026)));
        var second = Draws(new RandomizedCollection<int>(new Random(2026)));

        second.Should().Equal(first, "a collection must draw through the Random it is given");

        static List<int> Draws(RandomizedCollection<int> collection)
        {
            for (int i = 0; i < 60; i++)
            {
                collection.Add(i % 20);
            }

            for (int item = 0; item < 20; item += 3)
            {
                collection.Remove(item);
            }

            return [.. Enumerable.Range(0, 100).Select(_ => collection.GetRandom())];
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Each_occurrence_is_drawn_equally_often(int seed)
    {
        // Item k is added k times, for k from 1 to 10: it must come up k times in 55.
        var collection = new RandomizedCollection<int>(new Random(seed));
        for (int copies = 1; copies <= 10; copies++)
        {
            for (int i = 0; i < copies; i++)
            {
                collection.Add(copies);
            }
        }

        ShouldDrawByCopies(collection, [.. Enumerable.Range(1, 10).Select(copies => (copies, copies))], $"Draws from items held 1 to 10 times, seed {seed},");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Each_occurrence_is_drawn_equally_often_after_removals(int seed)
    {
        // Ten items held 6 times each, added in turn; then item k loses (k - 1) mod 6 of its copies, so that the
        // removals move occurrences of the same item and of others into the holes.
        var collection = new RandomizedCollection<int>(new Random(seed));
        for (int round = 0; round < 6; round++)
        {
            for (int item = 1; item <= 10; item++)
            {
                collection.Add(item);
            }
        }

        var copies = new List<(int Item, int Copies)>();
        for (int item = 1; item <= 10; item++)
        {
            int removals = (item - 1) % 6;
            for (int i = 0; i < removals; i++)
            {
                collection.Remove(item).Should().BeTrue();
            }

            copies.Add((item, 6 - removals));
        }

        ShouldDrawByCopies(collection, [.. copies], $"Draws after removing some copies of each item, seed {seed},");
    }

    [Fact]
    public void Each_operation_makes_a_constant_number_of_comparer_calls_however_many_copies_there_are()
    {
        const int Copies = 2_000;
        const int PerOperation = 16;
        var comparer = new CountingComparer();
        var collection = new RandomizedCollection<int>(new Random(1), comparer);
        long operations = 0;
        for (int i = 0; i < Copies; i++)
        {
            collection.Add(0);
            collection.Add(i + 1);
            operations += 2;
        }

        for (int i = 0; i < Copies; i++)
        {
            collection.Remove(0);
            collection.Contains(0);
            collection.Remove(i + 1);
            collection.Add(0);
            operations += 4;
        }

        comparer.Calls.Should().BeLessThanOrEqualTo(
            PerOperation * operations, $"{operations:N0} adds, removes and lookups may make {PerOperation} comparer calls each on average");
        collection.Count.Should().Be(Copies);
    }

    [Fact]
    public void Removing_and_re_adding_one_of_many_copies_takes_the_same_time_as_one_of_a_few() =>
        Growth.ShouldStayFlat("A Remove then Add of an item held many times", 1_000, size =>
        {
            // One item held `size` times: a removal that searches or shifts a list of the item's positions takes time
            // in proportion to its copies.
            var collection = new RandomizedCollection<int>(new Random(1));
            for (int i = 0; i < size; i++)
            {
                collection.Add(0);
            }

            collection.Add(1);
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    collection.Remove(0);
                    collection.Add(0);
                }
            };
        });

    [Fact]
    public void A_draw_takes_the_same_time_in_a_large_collection_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A GetRandom", 100, size =>
        {
            // Collections of 100 and 6,400 occurrences of ten items, small enough that a read of a random slot stays
            // in the processor's cache, as in the set's draw test.
            var collection = new RandomizedCollection<int>(new Random(1));
            for (int i = 0; i < size; i++)
            {
                collection.Add(i % 10);
            }

            return () =>
            {
                for (int i = 0; i < Draws; i++)
                {
                    collection.GetRandom();
                }
            };
        });

    [Theory]
    [InlineData(1, 4)]
    [InlineData(2, 16)]
    [InlineData(3, 200)]
    public void Random_calls_match_a_scanning_model_step_by_step(int seed, int values) =>
        RandomizedCollectionModel.Test.Run((values, Drifting: true), seed, 20_000);

    [Fact]
    public void Random_call_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        RandomizedCollectionModel.Test.Sample(Gen.Const((4, false)));

    // Adds an object twice between two other items, then removes both copies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AddTwiceAndRemoveBoth(RandomizedCollection<object> collection)
    {
        object item = new();
        collection.Add(item);
        collection.Add("middle");
        collection.Add(item);
        collection.Add("last");
        collection.Remove(item).Should().BeTrue();
        collection.Remove(item).Should().BeTrue();
        return new WeakReference(item);
    }

    private static void ShouldDrawByCopies(RandomizedCollection<int> collection, (int Item, int Copies)[] held, string what)
    {
        int occurrences = held.Sum(entry => entry.Copies);
        collection.Count.Should().Be(occurrences);
        int draws = DrawsPerOccurrence * occurrences;
        var cells = held.Select((entry, cell) => (entry.Item, cell)).ToDictionary(pair => pair.Item, pair => pair.cell);
        var observed = new long[held.Length];
        for (int i = 0; i < draws; i++)
        {
            int item = collection.GetRandom();
            if (!cells.TryGetValue(item, out int cell))
            {
                throw new Xunit.Sdk.XunitException($"{what} GetRandom() returned {item}, which the collection does not hold.");
            }

            observed[cell]++;
        }

        ChiSquare.ShouldFit(
            what,
            observed,
            [.. held.Select(entry => (double)DrawsPerOccurrence * entry.Copies)],
            cell => string.Create(CultureInfo.InvariantCulture, $"item {held[cell].Item} (held {held[cell].Copies} times)"));
    }
}
