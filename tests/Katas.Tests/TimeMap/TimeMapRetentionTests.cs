using System.Runtime.CompilerServices;
using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Stage 4 of the time map: a retention that drops the versions lookups no longer need, each key behind its own
/// newest timestamp, in amortized O(1) per write and without allocating once the window is full. In the timed
/// collection for its growth test.
/// </summary>
[Stage(4)]
[Collection(TimedTests.Name)]
public sealed class TimeMapRetentionTests
{
    // Writes per timed run of the growth test.
    private const int Writes = 2_000;

    [Fact]
    public void A_map_made_without_a_retention_keeps_every_version()
    {
        var map = new TimeMap<int, int>();
        for (int version = 0; version < 1_000; version++)
        {
            map.Set(1, version, version * 1_000_000_000L);
        }

        map.Retention.Should().Be(long.MaxValue);
        map.Count.Should().Be(1_000);
        map.Get(1, 0).Should().Be(0);
        map.Get(1, 1_500_000_000).Should().Be(1);
    }

    [Fact]
    public void The_retention_is_reported()
    {
        var map = new TimeMap<string, int>(25);

        map.Retention.Should().Be(25);
        map.Count.Should().Be(0);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void A_negative_retention_is_rejected(long retention)
    {
        Action create = () => _ = new TimeMap<string, int>(retention);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("retention");
    }

    [Fact]
    public void A_version_superseded_at_or_before_the_horizon_is_dropped()
    {
        // Newest 40, retention 15: the horizon is 25. The version of 20 was current there, so it stays; 10 goes.
        var map = new TimeMap<string, int>(15);
        map.Set("a", 1, 10);
        map.Set("a", 2, 20);
        map.Set("a", 3, 30);
        map.Count.Should().Be(3, "at 30 the horizon is 15, and the version of 10 was current there");

        map.Set("a", 4, 40);

        map.Count.Should().Be(3);
        map.TryGet("a", 19, out _).Should().BeFalse("the version of 10 is gone");
        map.Get("a", 20).Should().Be(2);
        map.Get("a", 25).Should().Be(2, "a lookup at the horizon is answered as before");
        map.Get("a", 30).Should().Be(3);
        map.Get("a", 40).Should().Be(4);
    }

    [Fact]
    public void A_version_exactly_at_the_horizon_is_kept_and_drops_the_one_before_it()
    {
        var map = new TimeMap<string, int>(15);
        map.Set("a", 1, 10);
        map.Set("a", 2, 25);

        map.Set("a", 3, 40);

        map.Count.Should().Be(2);
        map.TryGet("a", 24, out _).Should().BeFalse();
        map.Get("a", 25).Should().Be(2);
    }

    [Fact]
    public void A_retention_of_zero_keeps_only_the_newest_version_of_each_key()
    {
        var map = new TimeMap<string, int>(0);

        for (int version = 1; version <= 10; version++)
        {
            map.Set("a", version, version * 10);
            map.Set("b", -version, version * 10 + 5);
        }

        map.Count.Should().Be(2);
        map.Get("a", long.MaxValue).Should().Be(10);
        map.Get("b", long.MaxValue).Should().Be(-10);
        map.TryGet("a", 99, out _).Should().BeFalse();
    }

    [Fact]
    public void Lookups_from_the_horizon_on_are_answered_as_if_nothing_had_been_dropped()
    {
        // The same writes, some of them late, into a map with a retention and one without.
        const long Retention = 40;
        var random = new Random(4);
        var bounded = new TimeMap<int, int>(Retention);
        var unbounded = new TimeMap<int, int>();
        long[] newest = new long[3];
        long clock = 0;
        for (int write = 0; write < 2_000; write++)
        {
            clock += random.Next(4);
            long timestamp = Math.Max(0, clock - (random.Next(4) == 0 ? random.Next(60) : 0));
            int key = random.Next(3);
            bounded.Set(key, write, timestamp);
            unbounded.Set(key, write, timestamp);
            newest[key] = Math.Max(newest[key], timestamp);
        }

        for (int key = 0; key < 3; key++)
        {
            for (long t = newest[key] - Retention; t <= newest[key] + 1; t++)
            {
                bounded.Get(key, t).Should().Be(unbounded.Get(key, t), $"{t} is at or after the horizon of key {key}, {newest[key] - Retention}");
            }
        }

        bounded.Count.Should().BeLessThan(unbounded.Count / 4, "the bounded map holds only the last 40 of some 3,000 time units");
    }

    [Fact]
    public void Each_key_has_a_horizon_of_its_own()
    {
        var map = new TimeMap<string, int>(10);
        map.Set("idle", 1, 1);
        map.Set("idle", 2, 2);
        map.Set("idle", 3, 3);

        for (int t = 10; t <= 1_000; t++)
        {
            map.Set("busy", t, t);
        }

        map.Get("idle", 1).Should().Be(1, "writes to another key do not move this key's horizon");
        map.Get("idle", 2).Should().Be(2);
        map.Count.Should().Be(3 + 11);
        map.TryGet("busy", 989, out _).Should().BeFalse();
        map.Get("busy", 990).Should().Be(990);
    }

    [Fact]
    public void A_write_older_than_the_history_held_is_dropped_at_once()
    {
        // Horizon 25: the version of 20 is current there, so a write at 15 could never be the answer to a lookup.
        var map = new TimeMap<string, int>(15);
        map.Set("a", 2, 20);
        map.Set("a", 4, 40);

        map.Set("a", 1, 15);
        map.Set("a", 0, 0);

        map.Count.Should().Be(2);
        map.TryGet("a", 19, out _).Should().BeFalse();
        map.Get("a", 20).Should().Be(2);
    }

    [Fact]
    public void A_late_write_at_or_before_the_horizon_takes_the_place_of_the_version_current_there()
    {
        var map = new TimeMap<string, int>(15);
        map.Set("a", 1, 10);
        map.Set("a", 3, 30);
        map.Set("a", 4, 40);
        map.Count.Should().Be(3, "the horizon is 25, and the version of 10 is current there");

        map.Set("a", 2, 20);

        map.Count.Should().Be(3, "the version of 20 is current at 25 now, so the version of 10 goes");
        map.TryGet("a", 19, out _).Should().BeFalse();
        map.Get("a", 20).Should().Be(2);
        map.Get("a", 29).Should().Be(2);
    }

    [Fact]
    public void A_late_write_after_the_horizon_is_kept()
    {
        var map = new TimeMap<string, int>(15);
        map.Set("a", 1, 10);
        map.Set("a", 4, 40);

        map.Set("a", 3, 30);
        map.Set("a", 2, 28);

        map.Count.Should().Be(4);
        map.Get("a", 10).Should().Be(1);
        map.Get("a", 28).Should().Be(2);
        map.Get("a", 30).Should().Be(3);
    }

    [Fact]
    public void A_dropped_value_is_not_kept_alive_by_the_map()
    {
        var map = new TimeMap<int, object>(5);

        WeakReference dropped = SetAndDrop(map);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        dropped.IsAlive.Should().BeFalse("a map that keeps a dropped version's value leaks it");
        map.Count.Should().Be(6);
    }

    [Fact]
    public void A_steady_stream_of_writes_allocates_nothing_once_its_window_is_full()
    {
        const int Keys = 10;
        var map = new TimeMap<int, int>(99);
        long timestamp = 0;
        for (; timestamp < 5_000; timestamp++)
        {
            map.Set((int)(timestamp % Keys), (int)timestamp, timestamp);
        }

        // Each run writes on where the one before stopped.
        long allocated = Allocations.Fewest(() =>
        {
            for (long end = timestamp + 20_000; timestamp < end; timestamp++)
            {
                map.Set((int)(timestamp % Keys), (int)timestamp, timestamp);
            }
        });

        allocated.Should().Be(0, "each key's window holds the same number of versions once it is full, in the room it already has");
        map.Count.Should().Be(Keys * 11, "each key holds its writes of the last 99 time units, ten apart, and the one current 99 before");
    }

    [Fact]
    public void A_write_that_drops_a_version_takes_the_same_time_with_a_long_window_as_with_a_short_one() =>
        Growth.ShouldStayFlat("A Set that drops the oldest version of a full window", 1_000, window =>
        {
            // One version per time unit: a retention of window - 1 holds window versions, and each write drops one.
            var map = new TimeMap<int, int>(window - 1);
            long next = 0;
            for (; next < 2 * window; next++)
            {
                map.Set(1, (int)next, next);
            }

            return () =>
            {
                for (int i = 0; i < Writes; i++)
                {
                    map.Set(1, (int)next, next);
                    next++;
                }
            };
        });

    [Theory]
    [InlineData(1, 1, 30, 0)]
    [InlineData(2, 2, 30, 3)]
    [InlineData(3, 3, 100, 10)]
    [InlineData(4, 5, 1_000, 200)]
    [InlineData(5, 2, 40, long.MaxValue)]
    public void Random_calls_with_a_retention_match_a_list_model_step_by_step(int seed, int keys, int timestamps, long retention) =>
        TimeMapModel.Test.Run(new TimeMapConfig(keys, TimeMapWrites.AnyOrder, timestamps, retention), seed, 4_000);

    [Fact]
    public void Random_call_lists_with_a_retention_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        TimeMapModel.Test.Sample(Gen.Select(Gen.Int[1, 2], Gen.Long[0, 6], (keys, retention) => new TimeMapConfig(keys, TimeMapWrites.AnyOrder, 12, retention)));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference SetAndDrop(TimeMap<int, object> map)
    {
        // At 6 the horizon is 1, where the version of 1 is current: the version of 0 goes.
        var value = new object();
        map.Set(1, value, 0);
        for (int t = 1; t <= 6; t++)
        {
            map.Set(1, "later", t);
        }

        map.TryGet(1, 0, out _).Should().BeFalse();
        return new WeakReference(value);
    }
}
