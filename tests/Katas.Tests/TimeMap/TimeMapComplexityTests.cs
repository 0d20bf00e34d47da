namespace Katas.Tests;

/// <summary>
/// Stage 3 of the time map: O(log n) lookups whatever the timestamps, amortized O(1) writes in order and cheap writes
/// a version late, a constant number of hashes per call, and no allocation on lookups.
/// </summary>
[Stage(3)]
[Collection(TimedTests.Name)]
public sealed class TimeMapComplexityTests
{
    // Lookups per timed run: enough to time well at O(log n), few enough that an O(n) one fails in seconds.
    private const int Lookups = 2_000;

    // Writes per timed run of the filling test, at every size: many histories of 1,000 versions, or one of 64,000.
    private const int WritesPerRun = 1_000 * Growth.SizeFactor;

    [Fact]
    public void Each_call_hashes_its_key_a_constant_number_of_times()
    {
        // A design that looks keys up by scanning a list of them makes a comparison per key it passes: hundreds a call here.
        var comparer = new CountingComparer();
        var map = new TimeMap<int, int>(comparer);
        const int Keys = 2_000;
        const int Rounds = 5;
        for (int round = 0; round < Rounds; round++)
        {
            for (int key = 0; key < Keys; key++)
            {
                map.Set(key, round, round * 10);
            }
        }

        for (int key = 0; key < Keys; key++)
        {
            map.Get(key, 25).Should().Be(2);
        }

        const int Calls = (Rounds + 1) * Keys;
        comparer.Calls.Should().BeLessThanOrEqualTo(4 * Calls, "a call finds its key's history with a hash lookup or two, whatever the number of keys");
    }

    [Fact]
    public void A_lookup_allocates_nothing()
    {
        var map = new TimeMap<int, int>();
        for (int key = 0; key < 100; key++)
        {
            for (int version = 0; version < 100; version++)
            {
                map.Set(key, version, version * 3L);
            }
        }

        map.TryGet(0, 0, out _);
        int found = 0;
        long allocated = Allocations.Fewest(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                found += map.TryGet(i % 101, i % 400, out int value) ? value : 0;
            }
        });

        allocated.Should().Be(0, "a lookup only reads");
        found.Should().BePositive();
    }

    [Fact]
    public void Filling_a_history_allocates_a_constant_number_of_bytes_per_version()
    {
        // Doubling allocates each array half the size of the next: about 24 bytes per int version in all for separate
        // arrays of timestamps and values, 32 for one list of pairs. Growing by a fixed step allocates n² / step bytes,
        // so the loop stops as soon as the budget is spent.
        const int Versions = 1_000_000;
        const long Budget = 64L * Versions;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var map = new TimeMap<int, int>();
        for (int version = 0; version < Versions && GC.GetAllocatedBytesForCurrentThread() - before <= Budget; version++)
        {
            map.Set(1, version, version);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThanOrEqualTo(Budget, $"{Versions:N0} int versions may take 64 bytes each, and {map.Count:N0} took that");
        map.Count.Should().Be(Versions);
    }

    [Fact]
    public void A_lookup_takes_the_same_time_on_a_long_history_as_on_a_short_one() =>
        Growth.ShouldStayFlat("A TryGet at a random timestamp of one key's history", 1_000, size =>
        {
            // Lookups spread over the whole history: a scan from either end walks half of it on average.
            var map = new TimeMap<int, int>();
            for (int version = 0; version < size; version++)
            {
                map.Set(1, version, version * 10L);
            }

            var random = new Random(size);
            long[] timestamps = [.. Enumerable.Range(0, Lookups).Select(_ => random.NextInt64(size * 10L))];
            return Warmed(() =>
            {
                foreach (long timestamp in timestamps)
                {
                    map.TryGet(1, timestamp, out _);
                }
            });
        });

    [Fact]
    public void A_lookup_takes_the_same_time_whatever_the_gaps_between_versions() =>
        Growth.ShouldStayFlat("A TryGet between two versions, with the gaps between versions growing", 100, gap =>
        {
            // The same 1,000 versions, only further apart: walking the timestamps down one by one to the version
            // before takes half a gap on average.
            const int Versions = 1_000;
            var map = new TimeMap<int, int>();
            for (int version = 0; version < Versions; version++)
            {
                map.Set(1, version, version * (long)gap);
            }

            var random = new Random(gap);
            long[] timestamps = [.. Enumerable.Range(0, Lookups).Select(_ => (random.Next(Versions) * (long)gap) + random.Next(1, gap))];
            return Warmed(() =>
            {
                foreach (long timestamp in timestamps)
                {
                    map.TryGet(1, timestamp, out _);
                }
            });
        });

    [Fact]
    public void Filling_a_long_history_with_a_late_write_now_and_then_takes_the_same_time_per_write_as_a_short_one() =>
        Growth.ShouldStayFlatPerOperation("A Set in timestamp order, one in 64 a version late, amortized over filling a history", 1_000, size =>
        {
            // Version i at 2i, but every 64th at 2i - 3: between the two versions before it. Only one version moves for
            // it; sorting the history, or shifting it all, costs a pass over the whole of it.
            int histories = WritesPerRun / size;
            return (() =>
            {
                for (int history = 0; history < histories; history++)
                {
                    var map = new TimeMap<int, int>();
                    for (int version = 0; version < size; version++)
                    {
                        long timestamp = version % 64 == 63 ? (2L * version) - 3 : 2L * version;
                        map.Set(1, version, timestamp);
                    }
                }
            }, histories * size);
        });

    // Runs the lookups a few more times than Growth's own warm-up does, before they are timed. Under tiered
    // compilation with PGO, a scan whose loop runs long (on the large history) jumps to optimized code in the middle
    // of the call (on-stack replacement) long before a method whose loop is short gets optimized code at all: a scan
    // timed that early runs the small history's lookups in slow code, and looks about 6 times slower on the large
    // history instead of 64. The more time the scan takes, the longer these runs give the JIT; an O(log n) lookup
    // costs almost nothing here.
    private static Action Warmed(Action lookups)
    {
        for (int run = 0; run < 10; run++)
        {
            lookups();
        }

        return lookups;
    }
}
