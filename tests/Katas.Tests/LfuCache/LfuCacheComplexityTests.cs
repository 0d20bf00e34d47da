namespace Katas.Tests;

/// <summary>Stage 3 of the LFU cache: O(1) operations whatever the capacity, and no allocation once full.</summary>
[Stage(3)]
[Collection(TimedTests.Name)]
public sealed class LfuCacheComplexityTests
{
    // Operations per timed run: enough to time well in an O(1) cache, few enough that an O(n) one fails in seconds.
    private const int Operations = 2_000;

    [Fact]
    public void A_huge_capacity_does_not_allocate_up_front()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var cache = new LfuCache<int, int>(int.MaxValue);
        cache.AddOrUpdate(1, 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(1 << 20, "the storage grows with the entries, not with the capacity");
        cache.Get(1).Should().Be(1);
    }

    [Fact]
    public void A_full_cache_allocates_nothing_per_operation()
    {
        const int Capacity = 1_000;
        var cache = new LfuCache<int, int>(Capacity);
        var random = new Random(7);

        // Skewed keys: some are read thousands of times, so use counts spread out and groups come and go.
        int[] keys = [.. Enumerable.Range(0, 40 * Capacity).Select(_ => (int)(3 * Capacity * Math.Pow(random.NextDouble(), 3)))];
        for (int i = 0; i < 4 * Capacity; i++)
        {
            Touch(cache, i, i);
        }

        long allocated = Allocations.Fewest(() =>
        {
            for (int i = 0; i < keys.Length; i++)
            {
                Touch(cache, keys[i], i);
            }
        });

        allocated.Should().Be(0, "a full cache reuses the evicted entry's storage for the newcomer");
        cache.Count.Should().Be(Capacity);

        static void Touch(LfuCache<int, int> cache, int key, int step)
        {
            if (step % 5 == 0)
            {
                cache.AddOrUpdate(key, step);
            }
            else if (!cache.TryGet(key, out _))
            {
                cache.AddOrUpdate(key, key);
            }
        }
    }

    [Fact]
    public void An_evicting_insert_takes_the_same_time_in_a_large_cache_as_in_a_small_one() =>
        Growth.ShouldStayFlat("An evicting AddOrUpdate", 1_000, size =>
        {
            // Every entry has one use, so each insert evicts the oldest of them all: an eviction that scans the
            // entries for the fewest uses, or for the oldest of those, looks at every one of them.
            var cache = FullCache(size);
            int next = size;
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    cache.AddOrUpdate(next, next);
                    next++;
                }
            };
        });

    [Fact]
    public void An_evicting_insert_among_entries_used_unequally_takes_the_same_time_in_a_large_cache_as_in_a_small_one() =>
        Growth.ShouldStayFlat("An evicting AddOrUpdate beside entries with many different use counts", 1_000, size =>
        {
            // A tenth of the entries have one use to a hundred, spread over the key range; the newcomers, with one use
            // each, are then always the victims, and the groups of the others lie between them and the rest.
            var cache = FullCache(size);
            for (int key = 0; key < size; key += 10)
            {
                cache.Read(key, times: key / 10 % 100);
            }

            int next = size;
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    cache.AddOrUpdate(next, next);
                    next++;
                }
            };
        });

    [Fact]
    public void A_hit_on_the_least_frequently_used_entry_takes_the_same_time_in_a_large_cache_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A TryGet of the least frequently used key", 1_000, size =>
        {
            // Reading the entries in turn reads, each time, one of those with the fewest uses, the oldest of them.
            var cache = FullCache(size);
            int next = 0;
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    cache.TryGet(next, out _);
                    next = next + 1 == size ? 0 : next + 1;
                }
            };
        });

    [Fact]
    public void An_update_takes_the_same_time_in_a_large_cache_as_in_a_small_one() =>
        Growth.ShouldStayFlat("An AddOrUpdate of a present key", 1_000, size =>
        {
            var cache = FullCache(size);
            int next = 0;
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    cache.AddOrUpdate(next, i);
                    next = next + 1 == size ? 0 : next + 1;
                }
            };
        });

    [Fact]
    public void Removing_and_re_adding_the_least_frequently_used_entry_takes_the_same_time_in_a_large_cache_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A Remove then AddOrUpdate of the least frequently used key", 1_000, size =>
        {
            var cache = FullCache(size);
            int next = 0;
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    cache.Remove(next);
                    cache.AddOrUpdate(next, next);
                    next = next + 1 == size ? 0 : next + 1;
                }
            };
        });

    private static LfuCache<int, int> FullCache(int capacity)
    {
        var cache = new LfuCache<int, int>(capacity);
        for (int key = 0; key < capacity; key++)
        {
            cache.AddOrUpdate(key, key);
        }

        return cache;
    }
}
