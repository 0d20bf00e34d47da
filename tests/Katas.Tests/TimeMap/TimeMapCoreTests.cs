using CsCheck;

namespace Katas.Tests;

/// <summary>Stage 1 of the time map: LeetCode 981 as a library type, each key's writes in rising order of timestamp.</summary>
[Stage(1)]
public sealed class TimeMapCoreTests
{
    [Fact]
    public void A_new_map_is_empty()
    {
        var map = new TimeMap<string, string>();

        map.Count.Should().Be(0);
        map.TryGet("foo", 1, out string? value).Should().BeFalse();
        value.Should().BeNull();
    }

    [Fact]
    public void LeetCode_981_example()
    {
        var map = new TimeMap<string, string>();

        map.Set("foo", "bar", 1);
        map.Get("foo", 1).Should().Be("bar");
        map.Get("foo", 3).Should().Be("bar");
        map.Set("foo", "bar2", 4);
        map.Get("foo", 4).Should().Be("bar2");
        map.Get("foo", 5).Should().Be("bar2");
    }

    [Fact]
    public void A_lookup_at_a_version_s_timestamp_finds_that_version()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 10, 100);
        map.Set("a", 20, 200);
        map.Set("a", 30, 300);

        map.Get("a", 100).Should().Be(10);
        map.Get("a", 200).Should().Be(20);
        map.Get("a", 300).Should().Be(30);
    }

    [Fact]
    public void A_lookup_between_two_versions_finds_the_earlier_one()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 10, 100);
        map.Set("a", 20, 200);
        map.Set("a", 30, 300);

        map.Get("a", 101).Should().Be(10);
        map.Get("a", 199).Should().Be(10, "the version of 200 was not set yet at 199");
        map.Get("a", 250).Should().Be(20);
        map.Get("a", 299).Should().Be(20);
    }

    [Fact]
    public void A_lookup_before_the_first_version_finds_nothing()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 10, 100);
        map.Set("a", 20, 200);

        map.TryGet("a", 99, out int value).Should().BeFalse();
        value.Should().Be(0);
        map.TryGet("a", 0, out _).Should().BeFalse();
    }

    [Fact]
    public void A_lookup_long_after_the_newest_version_finds_the_newest()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 10, 100);
        map.Set("a", 20, 200);

        map.Get("a", 1_000_000).Should().Be(20);
        map.Get("a", long.MaxValue).Should().Be(20);
    }

    [Fact]
    public void Zero_and_the_largest_long_are_timestamps_like_any_other()
    {
        var map = new TimeMap<string, int>();

        map.Set("a", 1, 0);
        map.Set("a", 2, long.MaxValue);

        map.Get("a", 0).Should().Be(1);
        map.Get("a", 1_000).Should().Be(1);
        map.Get("a", long.MaxValue).Should().Be(2);
    }

    [Fact]
    public void An_unknown_key_finds_nothing()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 1, 1);

        map.TryGet("b", 1, out _).Should().BeFalse();
        map.TryGet("b", long.MaxValue, out _).Should().BeFalse();
    }

    [Fact]
    public void Each_key_has_a_history_of_its_own()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 1, 10);
        map.Set("b", 2, 20);
        map.Set("a", 3, 30);
        map.Set("b", 4, 40);

        map.Get("a", 25).Should().Be(1);
        map.Get("b", 25).Should().Be(2);
        map.Get("a", 35).Should().Be(3);
        map.Get("b", 35).Should().Be(2);
        map.TryGet("b", 15, out _).Should().BeFalse("b was first set at 20, whatever a did before");
    }

    [Fact]
    public void Count_is_the_number_of_versions_over_all_keys()
    {
        var map = new TimeMap<int, int>();

        for (int i = 0; i < 10; i++)
        {
            map.Set(i % 3, i, i);
            map.Count.Should().Be(i + 1);
        }
    }

    [Fact]
    public void Every_timestamp_of_a_long_history_finds_the_version_at_or_before_it()
    {
        // Gaps of one to nine, so that lookups fall on versions, just after them and just before the next.
        var map = new TimeMap<int, int>();
        var timestamps = new List<long>();
        long timestamp = 3;
        for (int version = 0; version < 1_000; version++)
        {
            timestamps.Add(timestamp);
            map.Set(7, version, timestamp);
            timestamp += version % 9 + 1;
        }

        int expected = -1;
        for (long t = 0; t <= timestamps[^1] + 2; t++)
        {
            if (expected + 1 < timestamps.Count && timestamps[expected + 1] == t)
            {
                expected++;
            }

            map.Get(7, t).Should().Be(expected, $"at {t} the latest version set is number {expected}");
        }
    }

    [Fact]
    public void Values_are_those_of_the_map_s_type()
    {
        var map = new TimeMap<long, DateTimeOffset>();
        var deployed = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        map.Set(42L, deployed, 1_700_000_000_000);

        map.TryGet(42L, 1_700_000_000_001, out var value).Should().BeTrue();
        value.Should().Be(deployed);
    }

    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(2, 3, 5)]
    [InlineData(3, 10, 2)]
    [InlineData(4, 50, 10)]
    public void Random_calls_in_timestamp_order_match_a_list_model_step_by_step(int seed, int keys, int step) =>
        TimeMapModel.Test.Run(new TimeMapConfig(keys, TimeMapWrites.InOrder, step), seed, 4_000);

    [Fact]
    public void Random_call_lists_in_timestamp_order_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        TimeMapModel.Test.Sample(Gen.Int[1, 3].Select(keys => new TimeMapConfig(keys, TimeMapWrites.InOrder, 3)));
}
