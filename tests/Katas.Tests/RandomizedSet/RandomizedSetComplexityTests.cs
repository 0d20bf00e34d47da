using System.Runtime.CompilerServices;

namespace Katas.Tests;

/// <summary>
/// Stage 3 of the randomized set: a constant number of comparer calls per operation, the same time per operation
/// in a large set as in a small one, nothing allocated once grown, and no removed item kept alive.
/// </summary>
[Stage(3)]
[Collection(TimedTests.Name)]
public sealed class RandomizedSetComplexityTests
{
    // Operations per timed run: enough to time well in an O(1) set, few enough that an O(n) one fails in seconds.
    private const int Operations = 2_000;

    // Draws per timed run: they are cheap, and timing more of them evens out the noise.
    private const int Draws = 20_000;

    // Adds per timed run of filling sets, at every size: many sets of 1,000 items, or one of 64,000.
    private const int AddsPerRun = 1_000 * Growth.SizeFactor;

    [Fact]
    public void Each_operation_makes_a_constant_number_of_comparer_calls()
    {
        // A scan for the item, or shifting the items after it and telling each where it now is, makes about n / 2
        // calls per operation on a set of n = 2,000; a hash table makes a few.
        const int Size = 2_000;
        const int PerOperation = 16;
        var comparer = new CountingComparer();
        var set = new RandomizedSet<int>(new Random(1), comparer);
        var random = new Random(2);
        long operations = 0;
        for (int item = 0; item < Size; item++)
        {
            set.TryAdd(item);
            operations++;
        }

        for (int i = 0; i < 4 * Size; i++)
        {
            int item = random.Next(2 * Size);
            _ = set.Contains(item) ? set.Remove(item) : set.TryAdd(item);
            _ = set.Contains(random.Next(2 * Size));
            operations += 3;
        }

        comparer.Calls.Should().BeLessThanOrEqualTo(
            PerOperation * operations, $"{operations:N0} adds, removes and lookups may make {PerOperation} comparer calls each on average");
    }

    [Fact]
    public void Drawing_makes_no_comparer_calls()
    {
        var comparer = new CountingComparer();
        var set = new RandomizedSet<int>(new Random(1), comparer);
        for (int item = 0; item < 100; item++)
        {
            set.TryAdd(item);
        }

        long before = comparer.Calls;
        for (int i = 0; i < 1_000; i++)
        {
            set.GetRandom();
        }

        comparer.Calls.Should().Be(before, "a draw picks a position; it has no item to look up");
    }

    [Fact]
    public void Adding_removing_and_drawing_allocate_nothing_once_the_set_has_grown()
    {
        const int Size = 1_000;
        var set = new RandomizedSet<int>(new Random(1));
        var order = new Random(2);
        int[] items = [.. Enumerable.Range(0, Size)];
        Cycle(set, items, order);

        long allocated = Allocations.Fewest(() =>
        {
            for (int round = 0; round < 5; round++)
            {
                Cycle(set, items, order);
            }
        });

        allocated.Should().Be(0, "the storage is reused once it has grown to the most items the set has held");
        set.Count.Should().Be(Size);

        // Adds every item, draws, then removes them all in a new random order and adds them back.
        static void Cycle(RandomizedSet<int> set, int[] items, Random order)
        {
            foreach (int item in items)
            {
                set.TryAdd(item);
            }

            for (int i = 0; i < items.Length; i++)
            {
                set.GetRandom();
            }

            order.Shuffle(items);
            foreach (int item in items)
            {
                set.Remove(item);
                set.Contains(item);
            }

            foreach (int item in items)
            {
                set.TryAdd(item);
            }
        }
    }

    [Fact]
    public void A_removed_item_is_not_kept_alive_by_the_set()
    {
        var set = new RandomizedSet<object>(new Random(1));
        set.TryAdd("first");

        WeakReference[] removed = AddAndRemove(set);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        removed.Should().AllSatisfy(item => item.IsAlive.Should().BeFalse("a set that leaves a removed item in a slot keeps it from the collector"));
        set.Count.Should().Be(3);
    }

    [Fact]
    public void Removing_and_re_adding_an_item_takes_the_same_time_in_a_large_set_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A Remove then TryAdd of a held item", 1_000, size =>
        {
            var set = FullSet(size);
            int next = 0;
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    set.Remove(next);
                    set.TryAdd(next);
                    next = next + 1 == size ? 0 : next + 1;
                }
            };
        });

    [Fact]
    public void A_draw_takes_the_same_time_in_a_large_set_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A GetRandom", 100, size =>
        {
            // Sets of 100 and 6,400 items: a draw reads a random slot, and a set much larger than the processor's
            // cache would make each read a trip to memory, which is no fault of the set. Walking to the k-th item
            // (HashSet<T>.ElementAt) still takes about 40 times as long.
            var set = FullSet(size);
            return () =>
            {
                for (int i = 0; i < Draws; i++)
                {
                    set.GetRandom();
                }
            };
        });

    [Fact]
    public void A_draw_after_removing_all_but_a_few_items_takes_the_same_time_in_a_large_set_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A GetRandom among the 16 items left after removing the others", 1_000, size =>
        {
            // A set that leaves a hole per removed item and draws again when it lands on one, and never closes them
            // up, makes size / 16 tries per draw.
            var set = FullSet(size);
            for (int item = 0; item < size - 16; item++)
            {
                set.Remove(item);
            }

            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    set.GetRandom();
                }
            };
        });

    [Fact]
    public void Filling_a_large_set_takes_the_same_time_per_add_as_filling_a_small_one() =>
        Growth.ShouldStayFlatPerOperation("A TryAdd, amortised over filling a new set", 1_000, size =>
        {
            int sets = AddsPerRun / size;
            return (() =>
            {
                for (int round = 0; round < sets; round++)
                {
                    var set = new RandomizedSet<int>(new Random(1));
                    for (int item = 0; item < size; item++)
                    {
                        set.TryAdd(item);
                    }
                }
            }, sets * size);
        });

    private static RandomizedSet<int> FullSet(int size)
    {
        var set = new RandomizedSet<int>(new Random(1));
        for (int item = 0; item < size; item++)
        {
            set.TryAdd(item);
        }

        return set;
    }

    // Adds five objects and removes three: the first of them, one in the middle, and the last added.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference[] AddAndRemove(RandomizedSet<object> set)
    {
        object[] items = [new(), new(), new(), new(), new()];
        foreach (object item in items)
        {
            set.TryAdd(item);
        }

        set.Remove(items[0]).Should().BeTrue();
        set.Remove(items[2]).Should().BeTrue();
        set.Remove(items[4]).Should().BeTrue();
        return [new(items[0]), new(items[2]), new(items[4])];
    }
}
