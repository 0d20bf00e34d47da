using CsCheck;

namespace Katas.Tests;

/// <summary>Stage 1 of the LRU cache: LeetCode 146 as a library type, evictions reported, and removal.</summary>
[Stage(1)]
public sealed class LruCacheCoreTests
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
        cache.Get(1).Should().Be(1);
        cache.AddOrUpdate(3, 3);
        cache.Get(2).Should().Be(-1);
        cache.AddOrUpdate(4, 4);
        cache.Get(1).Should().Be(-1);
        cache.Get(3).Should().Be(3);
        cache.Get(4).Should().Be(4);
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
        cache.ContainedKeys(1..8).Should().Equal(5, 6, 7);
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
        cache.Get(1).Should().Be(-1);
        cache.Get(2).Should().Be(-1);
        cache.Get(3).Should().Be(3);
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
        cache.Get(1).Should().Be(100);
        cache.Get(4).Should().Be(4);
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
        cache.ContainedKeys(1..4).Should().Equal(2, 3);
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
        cache.Get(1).Should().Be(10);
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

        cache.ContainedKeys(1..4).Should().Equal(3);
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

    [Theory]
    [InlineData(1, 4, 11)]
    [InlineData(2, 5, 12)]
    [InlineData(3, 16, 13)]
    [InlineData(4, 64, 14)]
    [InlineData(5, 100, 15)]
    public void Random_operations_match_a_list_model_step_by_step(int seed, int capacity, int keySpace) =>
        LruCacheModel.Test.Run((capacity, keySpace * capacity / 10 + 2), seed, Math.Max(5_000, capacity * 100));

    [Fact]
    public void Random_operation_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        LruCacheModel.Test.Sample(Gen.Int[1, 4].Select(capacity => (capacity, 7)));
}
