namespace Katas.Tests;

/// <summary>Stage 3 of the LRU cache: O(1) operations whatever the capacity, and no allocation once full.</summary>
[Stage(3)]
[Collection(TimedTests.Name)]
public sealed class LruCacheComplexityTests
{
    // Operations per timed run: enough to time well in an O(1) cache, few enough that an O(n) one fails in seconds.
    private const int Operations = 2_000;

    [Fact]
    public void A_huge_capacity_does_not_allocate_up_front()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var cache = new LruCache<int, int>(int.MaxValue);
        cache.AddOrUpdate(1, 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(1 << 20, "the storage grows with the entries, not with the capacity");
        cache.Get(1).Should().Be(1);
    }

    [Fact]
    public void A_full_cache_allocates_nothing_per_operation()
    {
        const int Capacity = 1_000;
        var cache = new LruCache<int, int>(Capacity);
        for (int key = 0; key < 4 * Capacity; key++)
        {
            Touch(cache, key);
        }

        long allocated = Allocations.Fewest(() =>
        {
            for (int key = 0; key < 20 * Capacity; key++)
            {
                Touch(cache, key * 7 % (3 * Capacity));
            }
        });

        allocated.Should().Be(0, "a full cache reuses the evicted entry's storage for the newcomer");
        cache.Count.Should().Be(Capacity);

        static void Touch(LruCache<int, int> cache, int key)
        {
            if (!cache.TryGet(key, out _))
            {
                cache.AddOrUpdate(key, key);
            }
        }
    }

    [Fact]
    public void An_evicting_insert_takes_the_same_time_in_a_large_cache_as_in_a_small_one() =>
        Growth.ShouldStayFlat("An evicting AddOrUpdate", 1_000, size =>
        {
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
    public void A_hit_on_the_oldest_entry_takes_the_same_time_in_a_large_cache_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A TryGet of the least recently used key", 1_000, size =>
        {
            // Reading the oldest key makes it the newest, so the next oldest is the next key, round and round.
            var cache = FullCache(size);
            int oldest = 0;
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    cache.TryGet(oldest, out _);
                    oldest = oldest + 1 == size ? 0 : oldest + 1;
                }
            };
        });

    [Fact]
    public void Removing_and_re_adding_the_oldest_entry_takes_the_same_time_in_a_large_cache_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A Remove then AddOrUpdate of the least recently used key", 1_000, size =>
        {
            var cache = FullCache(size);
            int oldest = 0;
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    cache.Remove(oldest);
                    cache.AddOrUpdate(oldest, oldest);
                    oldest = oldest + 1 == size ? 0 : oldest + 1;
                }
            };
        });

    private static LruCache<int, int> FullCache(int capacity)
    {
        var cache = new LruCache<int, int>(capacity);
        for (int key = 0; key < capacity; key++)
        {
            cache.AddOrUpdate(key, key);
        }

        return cache;
    }
}
