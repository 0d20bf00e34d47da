namespace Katas.Tests;

/// <summary>The contract of the LRU cache kata: LeetCode 146 and what a library type adds to it.</summary>
public sealed class LruCacheTests
{
    [Fact]
    public void A_new_cache_is_empty_and_reports_its_capacity()
    {
        var cache = new LruCache<int, string>(3);

        cache.Capacity.Should().Be(3);
        cache.Count.Should().Be(0);
        cache.TryGet(1, out _).Should().BeFalse();
    }

    [Fact]
    public void LeetCode_146_example()
    {
        var cache = new LruCache<int, int>(2);

        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        Get(cache, 1).Should().Be(1);
        cache.AddOrUpdate(3, 3);
        Get(cache, 2).Should().Be(-1);
        cache.AddOrUpdate(4, 4);
        Get(cache, 1).Should().Be(-1);
        Get(cache, 3).Should().Be(3);
        Get(cache, 4).Should().Be(4);
    }

    [Fact]
    public void Evicts_in_order_of_insertion_when_nothing_is_read()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, string>(3, onEvicted: (key, _) => evicted.Add(key));

        for (int key = 1; key <= 7; key++)
        {
            cache.AddOrUpdate(key, $"v{key}");
        }

        evicted.Should().Equal(1, 2, 3, 4);
        cache.Count.Should().Be(3);
        ContainedKeys(cache, 1..8).Should().Equal(5, 6, 7);
    }

    [Fact]
    public void A_hit_makes_the_entry_the_most_recently_used()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, string>(3, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, "a");
        cache.AddOrUpdate(2, "b");
        cache.AddOrUpdate(3, "c");

        cache.TryGet(1, out string? value).Should().BeTrue();
        value.Should().Be("a");
        cache.AddOrUpdate(4, "d");
        cache.AddOrUpdate(5, "e");

        evicted.Should().Equal(2, 3);
        cache.TryGet(1, out _).Should().BeTrue("the read of 1 made it newer than 2 and 3");
    }

    [Fact]
    public void An_update_replaces_the_value_and_makes_the_entry_the_most_recently_used()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, string>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, "a");
        cache.AddOrUpdate(2, "b");

        cache.AddOrUpdate(1, "A");
        cache.AddOrUpdate(3, "c");

        evicted.Should().Equal(2);
        cache.Count.Should().Be(2);
        cache.TryGet(1, out string? value).Should().BeTrue();
        value.Should().Be("A");
    }

    [Fact]
    public void An_update_does_not_evict_and_does_not_change_the_count()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);

        for (int round = 0; round < 10; round++)
        {
            cache.AddOrUpdate(round % 2 + 1, round);
        }

        evicted.Should().BeEmpty();
        cache.Count.Should().Be(2);
    }

    [Fact]
    public void The_eviction_callback_receives_the_evicted_key_and_its_latest_value()
    {
        var evicted = new List<(string Key, int Value)>();
        var cache = new LruCache<string, int>(2, onEvicted: (key, value) => evicted.Add((key, value)));
        cache.AddOrUpdate("a", 1);
        cache.AddOrUpdate("a", 10);
        cache.AddOrUpdate("b", 2);

        cache.AddOrUpdate("c", 3);

        evicted.Should().Equal(("a", 10));
    }

    [Fact]
    public void The_eviction_callback_sees_the_cache_already_updated()
    {
        LruCache<int, int>? cache = null;
        var seen = new List<(int Count, bool EvictedStillThere, bool NewcomerThere)>();
        cache = new LruCache<int, int>(2, onEvicted: (key, _) =>
        {
            int count = cache!.Count;
            bool evictedStillThere = cache.TryGet(key, out _);
            bool newcomerThere = cache.TryGet(3, out _);
            seen.Add((count, evictedStillThere, newcomerThere));
        });
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);

        cache.AddOrUpdate(3, 3);

        seen.Should().Equal((2, false, true));
    }

    [Fact]
    public void Capacity_one_keeps_only_the_latest_key()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(1, onEvicted: (key, _) => evicted.Add(key));

        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(1, 11);
        cache.AddOrUpdate(2, 2);
        cache.TryGet(2, out _).Should().BeTrue();
        cache.AddOrUpdate(3, 3);

        evicted.Should().Equal(1, 2);
        cache.Count.Should().Be(1);
        Get(cache, 1).Should().Be(-1);
        Get(cache, 2).Should().Be(-1);
        Get(cache, 3).Should().Be(3);
    }

    [Fact]
    public void An_evicted_key_can_be_inserted_again_as_the_newest_entry()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        cache.AddOrUpdate(3, 3);

        cache.AddOrUpdate(1, 100);
        cache.AddOrUpdate(4, 4);

        evicted.Should().Equal(1, 2, 3);
        Get(cache, 1).Should().Be(100);
        Get(cache, 4).Should().Be(4);
    }

    [Fact]
    public void Remove_deletes_the_entry_without_reporting_an_eviction()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(3, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);

        cache.Remove(1).Should().BeTrue();

        cache.Count.Should().Be(1);
        cache.TryGet(1, out _).Should().BeFalse();
        cache.Remove(1).Should().BeFalse("it is already gone");
        evicted.Should().BeEmpty();
    }

    [Fact]
    public void A_removed_key_frees_its_place_for_a_newcomer()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);

        cache.Remove(1);
        cache.AddOrUpdate(3, 3);

        evicted.Should().BeEmpty();
        ContainedKeys(cache, 1..4).Should().Equal(2, 3);
    }

    [Fact]
    public void Remove_then_re_add_makes_the_key_the_newest_entry()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(3, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        cache.AddOrUpdate(3, 3);

        cache.Remove(1);
        cache.AddOrUpdate(1, 10);
        cache.AddOrUpdate(4, 4);
        cache.AddOrUpdate(5, 5);

        evicted.Should().Equal(2, 3);
        Get(cache, 1).Should().Be(10);
    }

    [Fact]
    public void Removing_the_oldest_and_the_newest_entries_keeps_the_order_of_the_rest()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(4, onEvicted: (key, _) => evicted.Add(key));
        for (int key = 1; key <= 4; key++)
        {
            cache.AddOrUpdate(key, key);
        }

        cache.Remove(1);
        cache.Remove(4);
        for (int key = 5; key <= 8; key++)
        {
            cache.AddOrUpdate(key, key);
        }

        evicted.Should().Equal(2, 3);
    }

    [Fact]
    public void Removing_the_only_entry_leaves_a_working_empty_cache()
    {
        var cache = new LruCache<int, int>(1);
        cache.AddOrUpdate(1, 1);

        cache.Remove(1).Should().BeTrue();
        cache.Count.Should().Be(0);
        cache.AddOrUpdate(2, 2);
        cache.AddOrUpdate(3, 3);

        ContainedKeys(cache, 1..4).Should().Equal(3);
    }

    [Fact]
    public void A_miss_does_not_change_the_order_of_use()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);

        cache.TryGet(99, out int missing).Should().BeFalse();
        missing.Should().Be(0);
        cache.Remove(98).Should().BeFalse();
        cache.AddOrUpdate(3, 3);

        evicted.Should().Equal(1);
    }

    [Fact]
    public void Keys_are_compared_with_the_given_comparer()
    {
        var cache = new LruCache<string, int>(2, StringComparer.OrdinalIgnoreCase);

        cache.AddOrUpdate("Key", 1);
        cache.AddOrUpdate("KEY", 2);

        cache.Count.Should().Be(1);
        cache.TryGet("key", out int value).Should().BeTrue();
        value.Should().Be(2);
        cache.Remove("kEy").Should().BeTrue();
    }

    [Fact]
    public void Value_type_keys_are_compared_with_the_given_comparer_too()
    {
        var cache = new LruCache<int, string>(4, new LastDigitComparer());

        cache.AddOrUpdate(13, "a");
        cache.AddOrUpdate(23, "b");

        cache.Count.Should().Be(1, "13 and 23 are the same key to this comparer");
        cache.TryGet(3, out string? value).Should().BeTrue();
        value.Should().Be("b");
    }

    [Fact]
    public void Keys_with_colliding_hash_codes_stay_apart()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(3, new OneHashCodeComparer(), (key, _) => evicted.Add(key));

        for (int key = 1; key <= 5; key++)
        {
            cache.AddOrUpdate(key, key * 10);
        }

        cache.Remove(4).Should().BeTrue();
        evicted.Should().Equal(1, 2);
        Get(cache, 3).Should().Be(30);
        Get(cache, 4).Should().Be(-1);
        Get(cache, 5).Should().Be(50);
    }

    [Fact]
    public void Default_values_are_stored_like_any_other()
    {
        var cache = new LruCache<string, string?>(2);

        cache.AddOrUpdate("nothing", null);

        cache.TryGet("nothing", out string? value).Should().BeTrue();
        value.Should().BeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_capacity_below_one_is_rejected(int capacity)
    {
        Action create = () => _ = new LruCache<int, int>(capacity);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }

    [Fact]
    public void A_huge_capacity_does_not_allocate_up_front()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var cache = new LruCache<int, int>(int.MaxValue);
        cache.AddOrUpdate(1, 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(1 << 20, "the storage grows with the entries, not with the capacity");
        Get(cache, 1).Should().Be(1);
    }

    [Fact]
    public void A_null_key_is_rejected_by_every_method_and_changes_nothing()
    {
        var evicted = new List<string>();
        var cache = new LruCache<string, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate("a", 1);
        cache.AddOrUpdate("b", 2);

        ((Action)(() => cache.TryGet(null!, out _))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => cache.AddOrUpdate(null!, 3))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => cache.Remove(null!))).Should().Throw<ArgumentNullException>().WithParameterName("key");

        cache.Count.Should().Be(2);
        cache.AddOrUpdate("c", 3);
        evicted.Should().Equal("a");
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

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int key = 0; key < 20 * Capacity; key++)
        {
            Touch(cache, key * 7 % (3 * Capacity));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

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

    private static int Get(LruCache<int, int> cache, int key) => cache.TryGet(key, out int value) ? value : -1;

    private static List<int> ContainedKeys<TValue>(LruCache<int, TValue> cache, Range keys)
    {
        var contained = new List<int>();
        for (int key = keys.Start.Value; key < keys.End.Value; key++)
        {
            if (cache.TryGet(key, out _))
            {
                contained.Add(key);
            }
        }

        return contained;
    }

    private sealed class LastDigitComparer : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x % 10 == y % 10;

        public int GetHashCode(int obj) => obj % 10;
    }

    private sealed class OneHashCodeComparer : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y;

        public int GetHashCode(int obj) => 42;
    }
}
