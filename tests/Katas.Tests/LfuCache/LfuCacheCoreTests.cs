using CsCheck;

namespace Katas.Tests;

/// <summary>Stage 1 of the LFU cache: LeetCode 460 as a library type, evictions reported, and removal.</summary>
[Stage(1)]
public sealed class LfuCacheCoreTests
{
    [Fact]
    public void A_new_cache_is_empty_and_reports_its_capacity()
    {
        var cache = new LfuCache<int, string>(3);

        cache.Capacity.Should().Be(3);
        cache.Count.Should().Be(0);
        cache.TryGet(1, out _).Should().BeFalse();
    }

    [Fact]
    public void LeetCode_460_example()
    {
        var cache = new LfuCache<int, int>(2);

        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        cache.Get(1).Should().Be(1);
        cache.AddOrUpdate(3, 3);
        cache.Get(2).Should().Be(-1, "2 was used once, 1 twice");
        cache.Get(3).Should().Be(3);
        cache.AddOrUpdate(4, 4);
        cache.Get(1).Should().Be(-1, "1 and 3 were both used twice, and 1 longer ago");
        cache.Get(3).Should().Be(3);
        cache.Get(4).Should().Be(4);
    }

    [Fact]
    public void LeetCode_460_reads_before_the_cache_is_full()
    {
        var cache = new LfuCache<int, int>(3);

        cache.AddOrUpdate(2, 2);
        cache.AddOrUpdate(1, 1);
        cache.Get(2).Should().Be(2);
        cache.Get(1).Should().Be(1);
        cache.Get(2).Should().Be(2);
        cache.AddOrUpdate(3, 3);
        cache.AddOrUpdate(4, 4);
        cache.Get(3).Should().Be(-1, "3 was the only entry used once");
        cache.Get(2).Should().Be(2);
        cache.Get(1).Should().Be(1);
        cache.Get(4).Should().Be(4);
    }

    [Fact]
    public void LeetCode_460_capacity_one()
    {
        var cache = new LfuCache<int, int>(1);

        cache.AddOrUpdate(2, 1);
        cache.Get(2).Should().Be(1);
        cache.AddOrUpdate(3, 2);
        cache.Get(2).Should().Be(-1);
        cache.Get(3).Should().Be(2);
    }

    [Fact]
    public void The_least_frequently_used_entry_is_evicted()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(3, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        cache.AddOrUpdate(3, 3);
        cache.Read(1, times: 2);
        cache.Read(3, times: 1);

        cache.AddOrUpdate(4, 4);

        evicted.Should().Equal(2);
        cache.ContainedKeys(1..5).Should().Equal(1, 3, 4);
    }

    [Fact]
    public void Entries_used_equally_often_leave_in_order_of_insertion_when_nothing_is_read()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, string>(3, onEvicted: (key, _) => evicted.Add(key));

        for (int key = 1; key <= 7; key++)
        {
            cache.AddOrUpdate(key, $"v{key}");
        }

        evicted.Should().Equal(1, 2, 3, 4);
        cache.Count.Should().Be(3);
    }

    [Fact]
    public void A_tie_goes_to_the_entry_used_longest_ago_not_the_one_inserted_first()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        cache.Read(2, times: 1);
        cache.Read(1, times: 1);

        cache.AddOrUpdate(3, 3);

        evicted.Should().Equal([2], "1 and 2 were both used twice, and 2's last use came first");
    }

    [Fact]
    public void A_tie_among_many_entries_goes_to_the_one_used_longest_ago()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(4, onEvicted: (key, _) => evicted.Add(key));
        for (int key = 1; key <= 4; key++)
        {
            cache.AddOrUpdate(key, key);
        }

        foreach (int key in new[] { 3, 1, 4, 2 })
        {
            cache.Read(key, times: 1);
        }

        cache.AddOrUpdate(5, 5);
        cache.Read(5, times: 1);
        cache.AddOrUpdate(6, 6);
        cache.Read(6, times: 1);
        cache.AddOrUpdate(7, 7);
        cache.Read(7, times: 1);

        evicted.Should().Equal(3, 1, 4);
    }

    [Fact]
    public void A_hit_counts_as_a_use()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, string>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, "a");
        cache.AddOrUpdate(2, "b");

        cache.TryGet(1, out string? value).Should().BeTrue();
        value.Should().Be("a");
        cache.AddOrUpdate(3, "c");

        evicted.Should().Equal([2], "the read of 1 gave it a second use");
    }

    [Fact]
    public void An_update_replaces_the_value_and_counts_as_a_use()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, string>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, "a");
        cache.AddOrUpdate(2, "b");

        cache.AddOrUpdate(1, "A");
        cache.AddOrUpdate(3, "c");

        evicted.Should().Equal([2], "the update of 1 gave it a second use");
        cache.TryGet(1, out string? value).Should().BeTrue();
        value.Should().Be("A");
    }

    [Fact]
    public void Updates_raise_the_use_count_just_as_reads_do()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(3, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        for (int i = 0; i < 3; i++)
        {
            cache.AddOrUpdate(1, 10 + i);
        }

        cache.AddOrUpdate(2, 2);
        cache.Read(2, times: 2);
        cache.AddOrUpdate(3, 3);

        cache.AddOrUpdate(4, 4);
        cache.Read(4, times: 3);
        cache.AddOrUpdate(5, 5);

        evicted.Should().Equal([3, 2], "1 and 4 have four uses each, 2 three and 3 one");
        cache.Get(1).Should().Be(12);
    }

    [Fact]
    public void An_update_does_not_evict_and_does_not_change_the_count()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
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
    public void A_newcomer_is_the_next_victim_when_the_others_have_been_used_more()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.Read(1, times: 1);

        cache.AddOrUpdate(2, 2);
        cache.AddOrUpdate(3, 3);
        cache.AddOrUpdate(4, 4);

        evicted.Should().Equal(2, 3);
        cache.Get(1).Should().Be(1);
    }

    [Fact]
    public void After_an_insert_the_fewest_uses_is_one_again()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        cache.Read(1, times: 1);
        cache.Read(2, times: 1);

        cache.AddOrUpdate(3, 3);
        cache.AddOrUpdate(4, 4);

        evicted.Should().Equal([1, 3], "3 had one use, fewer than 2's two");
    }

    [Fact]
    public void Entries_leave_in_rising_order_of_uses()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(10, onEvicted: (key, _) => evicted.Add(key));
        foreach (int key in new[] { 7, 2, 9, 0, 4, 1, 8, 3, 6, 5 })
        {
            cache.AddOrUpdate(key, key);
            cache.Read(key, times: key);
        }

        for (int newcomer = 100; newcomer < 110; newcomer++)
        {
            cache.AddOrUpdate(newcomer, newcomer);
            cache.Read(newcomer, times: 50);
        }

        evicted.Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    [Fact]
    public void Often_used_entries_survive_a_long_scan_of_keys_read_once()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(3, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        cache.Read(1, times: 5);
        cache.Read(2, times: 5);

        for (int key = 100; key < 200; key++)
        {
            cache.AddOrUpdate(key, key);
        }

        evicted.Should().Equal(Enumerable.Range(100, 99));
        cache.ContainedKeys(1..3).Should().Equal(1, 2);
    }

    [Fact]
    public void A_key_evicted_and_inserted_again_starts_over_at_one_use()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(3, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.Read(1, times: 4);
        cache.AddOrUpdate(2, 2);
        cache.Read(2, times: 9);
        cache.AddOrUpdate(3, 3);
        cache.Read(3, times: 9);
        cache.AddOrUpdate(4, 4);
        evicted.Should().Equal([1], "1 had five uses, 2 and 3 ten each");
        cache.Read(4, times: 2);
        cache.Remove(2);

        cache.AddOrUpdate(1, 100);
        cache.AddOrUpdate(5, 5);

        evicted.Should().Equal([1, 1], "1 came back with one use, fewer than 4's three; its five earlier uses left with it");
        cache.Get(4).Should().Be(4);
    }

    [Fact]
    public void A_key_removed_and_inserted_again_starts_over_at_one_use()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.Read(1, times: 4);
        cache.AddOrUpdate(2, 2);
        cache.Read(2, times: 2);

        cache.Remove(1).Should().BeTrue();
        cache.AddOrUpdate(1, 10);
        cache.AddOrUpdate(3, 3);

        evicted.Should().Equal([1], "1 came back with one use, fewer than 2's three");
    }

    [Fact]
    public void The_eviction_callback_receives_the_evicted_key_and_its_latest_value()
    {
        var evicted = new List<(string Key, int Value)>();
        var cache = new LfuCache<string, int>(2, onEvicted: (key, value) => evicted.Add((key, value)));
        cache.AddOrUpdate("a", 1);
        cache.AddOrUpdate("b", 2);
        cache.AddOrUpdate("b", 20);

        cache.AddOrUpdate("c", 3);
        cache.AddOrUpdate("b", 200);
        cache.AddOrUpdate("d", 4);

        evicted.Should().Equal(("a", 1), ("c", 3));
    }

    [Fact]
    public void The_eviction_callback_sees_the_cache_already_updated()
    {
        LfuCache<int, int>? cache = null;
        var seen = new List<(int Count, bool EvictedStillThere, bool NewcomerThere)>();
        cache = new LfuCache<int, int>(2, onEvicted: (key, _) =>
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
        var cache = new LfuCache<int, int>(1, onEvicted: (key, _) => evicted.Add(key));

        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(1, 11);
        cache.Read(1, times: 5);
        cache.AddOrUpdate(2, 2);
        cache.TryGet(2, out _).Should().BeTrue();
        cache.AddOrUpdate(3, 3);

        evicted.Should().Equal([1, 2], "with room for one, every insert evicts whatever is there, however often it was used");
        cache.Count.Should().Be(1);
        cache.Get(1).Should().Be(-1);
        cache.Get(2).Should().Be(-1);
        cache.Get(3).Should().Be(3);
    }

    [Fact]
    public void Remove_deletes_the_entry_without_reporting_an_eviction()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(3, onEvicted: (key, _) => evicted.Add(key));
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
        var cache = new LfuCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);

        cache.Remove(1);
        cache.AddOrUpdate(3, 3);

        evicted.Should().BeEmpty();
        cache.ContainedKeys(1..4).Should().Equal(2, 3);
    }

    [Fact]
    public void Removing_the_last_entry_with_the_fewest_uses_makes_the_next_fewest_the_victims()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(3, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);
        cache.Read(2, times: 1);
        cache.AddOrUpdate(3, 3);
        cache.Read(3, times: 2);

        cache.Remove(1);
        cache.AddOrUpdate(4, 4);
        cache.AddOrUpdate(5, 5);
        cache.Read(5, times: 2);
        cache.AddOrUpdate(6, 6);

        evicted.Should().Equal([4, 2], "after 4 left, 2 had two uses against three for 3 and 5");
    }

    [Fact]
    public void Removing_the_only_entry_leaves_a_working_empty_cache()
    {
        var cache = new LfuCache<int, int>(1);
        cache.AddOrUpdate(1, 1);
        cache.Read(1, times: 3);

        cache.Remove(1).Should().BeTrue();
        cache.Count.Should().Be(0);
        cache.AddOrUpdate(2, 2);
        cache.AddOrUpdate(3, 3);

        cache.ContainedKeys(1..4).Should().Equal(3);
    }

    [Fact]
    public void A_miss_changes_nothing()
    {
        var evicted = new List<int>();
        var cache = new LfuCache<int, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate(1, 1);
        cache.AddOrUpdate(2, 2);

        cache.TryGet(99, out int missing).Should().BeFalse();
        missing.Should().Be(0);
        cache.Remove(98).Should().BeFalse();
        cache.AddOrUpdate(3, 3);

        evicted.Should().Equal(1);
        cache.Count.Should().Be(2);
    }

    [Theory]
    [InlineData(1, 1, 4)]
    [InlineData(2, 2, 5)]
    [InlineData(3, 5, 12)]
    [InlineData(4, 16, 13)]
    [InlineData(5, 64, 14)]
    [InlineData(6, 100, 15)]
    public void Random_operations_match_a_list_model_step_by_step(int seed, int capacity, int keySpace) =>
        LfuCacheModel.Test.Run((capacity, keySpace * capacity / 10 + 2, Skewed: true), seed, Math.Max(5_000, capacity * 100));

    [Fact]
    public void Random_operation_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        LfuCacheModel.Test.Sample(Gen.Int[1, 4].Select(capacity => (capacity, 6, false)), maxSteps: 50);
}
