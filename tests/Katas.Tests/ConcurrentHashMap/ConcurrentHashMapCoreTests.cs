using CsCheck;

namespace Katas.Tests;

/// <summary>Stage 1 of the concurrent hash map: the map's behaviour on one thread, keys compared the caller's way, and bad input refused.</summary>
[Stage(1)]
public sealed class ConcurrentHashMapCoreTests
{
    [Fact]
    public void A_new_map_is_empty()
    {
        var map = new ConcurrentHashMap<string, int>();

        map.Count.Should().Be(0);
        map.TryGetValue("a", out int value).Should().BeFalse();
        value.Should().Be(0);
        map.Should().BeEmpty();
    }

    [Fact]
    public void TryAdd_adds_a_missing_key_and_keeps_the_value_of_a_present_one()
    {
        var map = new ConcurrentHashMap<string, int>();

        map.TryAdd("a", 1).Should().BeTrue();
        map.TryAdd("a", 2).Should().BeFalse();

        map.Count.Should().Be(1);
        map.TryGetValue("a", out int value).Should().BeTrue();
        value.Should().Be(1);
    }

    [Fact]
    public void TryRemove_removes_a_key_and_returns_its_value()
    {
        var map = new ConcurrentHashMap<string, int>();
        map.TryAdd("a", 1);
        map.TryAdd("b", 2);

        map.TryRemove("a", out int removed).Should().BeTrue();
        removed.Should().Be(1);
        map.TryRemove("a", out int again).Should().BeFalse("it is already gone");
        again.Should().Be(0);

        map.Count.Should().Be(1);
        map.TryGetValue("a", out _).Should().BeFalse();
        map.TryGetValue("b", out int other).Should().BeTrue();
        other.Should().Be(2);
    }

    [Fact]
    public void A_removed_key_can_be_added_again()
    {
        var map = new ConcurrentHashMap<string, int>();
        map.TryAdd("a", 1);
        map.TryRemove("a", out _);

        map.TryAdd("a", 2).Should().BeTrue();

        map.TryGetValue("a", out int value).Should().BeTrue();
        value.Should().Be(2);
    }

    [Fact]
    public void GetOrAdd_makes_the_value_of_a_missing_key_from_the_key_and_stores_it()
    {
        var map = new ConcurrentHashMap<int, string>();
        var asked = new List<int>();

        string made = map.GetOrAdd(7, key =>
        {
            asked.Add(key);
            return $"made for {key}";
        });

        made.Should().Be("made for 7");
        asked.Should().Equal(7);
        map.TryGetValue(7, out string? stored).Should().BeTrue();
        stored.Should().Be("made for 7");
    }

    [Fact]
    public void GetOrAdd_returns_the_value_of_a_present_key_without_calling_the_factory()
    {
        var map = new ConcurrentHashMap<int, string>();
        map.TryAdd(7, "first");
        int calls = 0;

        string value = map.GetOrAdd(7, _ =>
        {
            calls++;
            return "second";
        });

        value.Should().Be("first");
        calls.Should().Be(0);
        map.Count.Should().Be(1);
    }

    [Fact]
    public void AddOrUpdate_adds_the_add_value_of_a_missing_key_without_calling_the_update()
    {
        var map = new ConcurrentHashMap<string, int>();
        int calls = 0;

        int stored = map.AddOrUpdate("a", 10, (_, current) =>
        {
            calls++;
            return current + 1;
        });

        stored.Should().Be(10);
        calls.Should().Be(0);
        map.TryGetValue("a", out int value).Should().BeTrue();
        value.Should().Be(10);
    }

    [Fact]
    public void AddOrUpdate_replaces_the_value_of_a_present_key_with_what_the_update_makes_of_it()
    {
        var map = new ConcurrentHashMap<string, int>();
        map.TryAdd("a", 10);
        var given = new List<(string, int)>();

        int stored = map.AddOrUpdate("a", 0, (key, current) =>
        {
            given.Add((key, current));
            return current * 3;
        });

        stored.Should().Be(30);
        given.Should().Equal(("a", 10));
        map.TryGetValue("a", out int value).Should().BeTrue();
        value.Should().Be(30);
        map.Count.Should().Be(1);
    }

    [Fact]
    public void Count_follows_adds_and_removes()
    {
        var map = new ConcurrentHashMap<int, int>();

        for (int key = 0; key < 10; key++)
        {
            map.TryAdd(key, key);
        }

        map.TryAdd(3, 3);
        map.GetOrAdd(4, _ => 0);
        map.AddOrUpdate(5, 0, (_, value) => value);
        map.Count.Should().Be(10, "adding a present key adds nothing");
        map.GetOrAdd(10, _ => 10);
        map.AddOrUpdate(11, 11, (_, value) => value);
        map.TryRemove(0, out _);
        map.TryRemove(0, out _);

        map.Count.Should().Be(11);
    }

    [Fact]
    public void The_enumeration_yields_every_entry_once()
    {
        var map = new ConcurrentHashMap<int, string>();
        for (int key = 0; key < 100; key++)
        {
            map.TryAdd(key, $"v{key}");
        }

        map.TryRemove(50, out _);

        map.Should().BeEquivalentTo(Enumerable.Range(0, 100).Where(key => key != 50).Select(key => KeyValuePair.Create(key, $"v{key}")));
    }

    [Fact]
    public void The_enumeration_is_a_snapshot_that_changes_made_while_enumerating_do_not_touch()
    {
        var map = new ConcurrentHashMap<int, int>();
        for (int key = 0; key < 10; key++)
        {
            map.TryAdd(key, key);
        }

        var seen = new List<KeyValuePair<int, int>>();
        foreach (var entry in map)
        {
            seen.Add(entry);
            map.TryRemove(9 - entry.Key, out _);
            map.TryAdd(100 + entry.Key, 0);
            map.AddOrUpdate(entry.Key, 0, (_, value) => value + 1_000);
        }

        seen.Should().BeEquivalentTo(Enumerable.Range(0, 10).Select(key => KeyValuePair.Create(key, key)), "the snapshot was taken before the loop began");
        map.Count.Should().Be(15, "ten new keys, and one of each pair (k, 9 - k): the one enumerated second removed the other and was added back");
    }

    [Fact]
    public void A_map_holds_many_keys()
    {
        var map = new ConcurrentHashMap<int, int>();
        const int Keys = 20_000;

        for (int key = 0; key < Keys; key++)
        {
            map.TryAdd(key, -key).Should().BeTrue();
        }

        map.Count.Should().Be(Keys);
        for (int key = 0; key < Keys; key++)
        {
            map.TryGetValue(key, out int value).Should().BeTrue();
            value.Should().Be(-key);
        }
    }

    [Fact]
    public void Keys_with_negative_hash_codes_are_stored_like_any_other()
    {
        var map = new ConcurrentHashMap<int, int>();
        int[] keys = [-1, -2, -17, -1_000_003, int.MinValue, int.MinValue + 1];

        foreach (int key in keys)
        {
            map.TryAdd(key, key / 2).Should().BeTrue();
        }

        map.Count.Should().Be(keys.Length);
        foreach (int key in keys)
        {
            map.TryGetValue(key, out int value).Should().BeTrue();
            value.Should().Be(key / 2);
            map.AddOrUpdate(key, 0, (_, current) => current + 1).Should().Be((key / 2) + 1);
            map.TryRemove(key, out _).Should().BeTrue();
        }

        map.Count.Should().Be(0);
    }

    [Fact]
    public void Keys_are_compared_with_the_given_comparer()
    {
        var map = new ConcurrentHashMap<string, int>(StringComparer.OrdinalIgnoreCase);

        map.TryAdd("Key", 1);
        map.TryAdd("KEY", 2).Should().BeFalse();
        map.AddOrUpdate("kEY", 0, (_, value) => value + 10);

        map.Count.Should().Be(1);
        map.TryGetValue("key", out int value).Should().BeTrue();
        value.Should().Be(11);
        map.GetOrAdd("KeY", _ => 0).Should().Be(11);
        map.TryRemove("kEy", out _).Should().BeTrue();
        map.Count.Should().Be(0);
    }

    [Fact]
    public void Value_type_keys_are_compared_with_the_given_comparer_too()
    {
        var map = new ConcurrentHashMap<int, string>(4, 16, new LastDigitComparer());

        map.TryAdd(13, "a");
        map.TryAdd(23, "b").Should().BeFalse("13 and 23 are the same key to this comparer");

        map.Count.Should().Be(1);
        map.TryGetValue(3, out string? value).Should().BeTrue();
        value.Should().Be("a");
    }

    [Fact]
    public void Keys_with_colliding_hash_codes_stay_apart()
    {
        var map = new ConcurrentHashMap<int, int>(2, 4, new OneHashCodeComparer());
        for (int key = 0; key < 50; key++)
        {
            map.TryAdd(key, key * 10);
        }

        // Remove from the middle, the ends and again, so that every link of the chain is rewritten.
        foreach (int key in new[] { 25, 0, 49, 26, 24, 1 })
        {
            map.TryRemove(key, out int removed).Should().BeTrue();
            removed.Should().Be(key * 10);
        }

        map.AddOrUpdate(30, 0, (_, value) => value + 1).Should().Be(301);
        map.Count.Should().Be(44);
        for (int key = 0; key < 50; key++)
        {
            bool removed = key is 25 or 0 or 49 or 26 or 24 or 1;
            map.TryGetValue(key, out int value).Should().Be(!removed);
            if (!removed)
            {
                value.Should().Be(key == 30 ? 301 : key * 10);
            }
        }
    }

    [Fact]
    public void Null_and_default_values_are_stored_like_any_other()
    {
        var map = new ConcurrentHashMap<string, string?>();

        map.TryAdd("nothing", null).Should().BeTrue();
        map.GetOrAdd("made nothing", _ => null).Should().BeNull();

        map.Count.Should().Be(2);
        map.TryGetValue("nothing", out string? value).Should().BeTrue();
        value.Should().BeNull();
        map.TryAdd("nothing", "something").Should().BeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1_000)]
    [InlineData(int.MaxValue)]
    public void Any_positive_concurrency_level_and_any_capacity_make_a_working_map(int concurrencyLevel)
    {
        foreach (int capacity in new[] { 0, 1, 5, 1_000 })
        {
            var map = new ConcurrentHashMap<int, int>(concurrencyLevel, capacity);
            for (int key = 0; key < 3_000; key++)
            {
                map.TryAdd(key, key);
            }

            map.Count.Should().Be(3_000);
            map.TryGetValue(2_999, out int value).Should().BeTrue();
            value.Should().Be(2_999);
        }
    }

    [Fact]
    public void A_huge_concurrency_level_is_capped_and_reserves_little_memory()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var map = new ConcurrentHashMap<int, int>(int.MaxValue, 0);
        map.TryAdd(1, 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThan(1 << 20, "the segments are capped at 1,024, not two billion");
        map.Count.Should().Be(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_concurrency_level_below_one_is_rejected(int concurrencyLevel)
    {
        Action create = () => _ = new ConcurrentHashMap<int, int>(concurrencyLevel, 16);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("concurrencyLevel");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_negative_capacity_is_rejected(int capacity)
    {
        Action create = () => _ = new ConcurrentHashMap<int, int>(4, capacity);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }

    [Fact]
    public void A_null_key_is_rejected_by_every_method_and_changes_nothing()
    {
        var map = new ConcurrentHashMap<string, int>();
        map.TryAdd("a", 1);

        ((Action)(() => map.TryGetValue(null!, out _))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => map.TryAdd(null!, 2))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => map.GetOrAdd(null!, _ => 2))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => map.AddOrUpdate(null!, 2, (_, value) => value))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => map.TryRemove(null!, out _))).Should().Throw<ArgumentNullException>().WithParameterName("key");

        map.Should().Equal([KeyValuePair.Create("a", 1)]);
    }

    [Fact]
    public void A_null_factory_is_rejected_whether_or_not_the_key_is_present_and_changes_nothing()
    {
        var map = new ConcurrentHashMap<string, int>();
        map.TryAdd("a", 1);

        ((Action)(() => map.GetOrAdd("a", null!))).Should().Throw<ArgumentNullException>().WithParameterName("valueFactory");
        ((Action)(() => map.GetOrAdd("b", null!))).Should().Throw<ArgumentNullException>().WithParameterName("valueFactory");
        ((Action)(() => map.AddOrUpdate("a", 2, null!))).Should().Throw<ArgumentNullException>().WithParameterName("updateValueFactory");
        ((Action)(() => map.AddOrUpdate("b", 2, null!))).Should().Throw<ArgumentNullException>().WithParameterName("updateValueFactory");

        map.Should().Equal([KeyValuePair.Create("a", 1)]);
    }

    [Fact]
    public void A_factory_that_throws_changes_nothing()
    {
        var map = new ConcurrentHashMap<string, int>();
        map.TryAdd("a", 1);

        ((Action)(() => map.GetOrAdd("b", _ => throw new FormatException()))).Should().Throw<FormatException>();
        ((Action)(() => map.AddOrUpdate("a", 0, (_, _) => throw new FormatException()))).Should().Throw<FormatException>();

        map.Should().Equal([KeyValuePair.Create("a", 1)]);
        map.Count.Should().Be(1);
        map.TryAdd("b", 2).Should().BeTrue("the failed GetOrAdd left the key missing");
    }

    [Theory]
    [InlineData(1, 1, 1, 10, false)]
    [InlineData(2, 4, 0, 20, false)]
    [InlineData(3, 16, 4, 50, true)]
    [InlineData(4, 2, 64, 300, false)]
    [InlineData(5, 1_000, 8, 8, true)]
    public void Random_operations_match_a_dictionary_model_step_by_step(int seed, int concurrencyLevel, int capacity, int keys, bool colliding) =>
        ConcurrentHashMapModel.Test.Run(new(concurrencyLevel, capacity, keys, colliding), seed, 20_000);

    [Fact]
    public void Random_operation_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        ConcurrentHashMapModel.Test.Sample(Gen.Select(Gen.Int[1, 8], Gen.Int[0, 4], Gen.Int[1, 6], Gen.Bool, (level, capacity, keys, colliding) => new ConcurrentHashMapConfig(level, capacity, keys, colliding)));
}
