namespace Katas.Tests;

/// <summary>
/// Stage 3 of the concurrent hash map: the table doubles while readers and writers run, losing and duplicating
/// nothing, and every operation stays O(1) whatever the size. In the timed collection, since it times work.
/// </summary>
[Stage(3)]
[Collection(TimedTests.Name)]
public sealed class ConcurrentHashMapResizeTests
{
    private const int Writers = 4;
    private const int Readers = 2;

    // Keys each writer adds per storm: a table of four buckets doubles about thirteen times on the way.
    private const int KeysPerWriter = 8_000;

    // Operations per timed run: enough to time well in an O(1) map, few enough that an O(n) one fails in seconds.
    private const int Operations = 2_000;

    [Fact]
    public void A_map_that_starts_with_no_room_grows_to_hold_many_keys()
    {
        const int Keys = 20_000;
        var map = new ConcurrentHashMap<int, int>(1, 0);

        for (int key = 0; key < Keys; key++)
        {
            map.TryAdd(key, key).Should().BeTrue();
        }

        for (int key = 0; key < Keys; key += 2)
        {
            map.TryRemove(key, out _).Should().BeTrue();
        }

        map.Count.Should().Be(Keys / 2);
        for (int key = 0; key < Keys; key++)
        {
            map.TryGetValue(key, out int value).Should().Be(key % 2 == 1, $"key {key} is odd or was removed");
            value.Should().Be(key % 2 == 1 ? key : 0);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Writers_filling_a_tiny_table_lose_and_duplicate_nothing_while_readers_find_every_key_already_added()
    {
        for (int round = 0; round < TestEffort.Rounds(10); round++)
        {
            var map = new ConcurrentHashMap<int, int>(Writers, 0);
            string? missed = await Storm(map, (writer, index) =>
            {
                int key = Key(writer, index);
                if (!map.TryAdd(key, -key))
                {
                    throw new InvalidOperationException($"TryAdd({key}) found the key, but only one writer adds it, once.");
                }
            }, index => true, TestContext.Current.CancellationToken);

            missed.Should().BeNull($"in round {round + 1}, a key once added stays visible to readers while the table doubles");
            map.Count.Should().Be(Writers * KeysPerWriter);
            var keys = map.Select(entry => entry.Key).ToList();
            keys.Should().OnlyHaveUniqueItems("a resize copies every entry once").And.HaveCount(Writers * KeysPerWriter);
            map.Should().AllSatisfy(entry => entry.Value.Should().Be(-entry.Key));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Writers_adding_and_removing_through_resizes_leave_exactly_the_keys_they_kept()
    {
        for (int round = 0; round < TestEffort.Rounds(10); round++)
        {
            var map = new ConcurrentHashMap<int, int>(Writers, 0);
            string? missed = await Storm(map, (writer, index) =>
            {
                int key = Key(writer, index);
                map.TryAdd(key, -key);
                if (index % 2 == 1 && !(map.TryRemove(key, out int removed) && removed == -key))
                {
                    throw new InvalidOperationException($"TryRemove({key}) did not find the key its writer had just added.");
                }
            }, index => index % 2 == 0, TestContext.Current.CancellationToken);

            missed.Should().BeNull($"in round {round + 1}, a key once added and never removed stays visible to readers while the table doubles");
            map.Count.Should().Be(Writers * KeysPerWriter / 2);
            map.Select(entry => entry.Key).Order().Should().Equal(
                Enumerable.Range(0, Writers).SelectMany(writer => Enumerable.Range(0, KeysPerWriter).Where(index => index % 2 == 0).Select(index => Key(writer, index))).Order());
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Increments_made_while_the_table_doubles_are_all_kept()
    {
        const int Keys = 20_000;
        var map = new ConcurrentHashMap<int, int>(Writers, 0);

        await TestThreads.RunTogetherAsync(Writers, thread =>
        {
            // Each thread walks the keys from a different place, so that they add and update the same keys at once.
            for (int i = 0; i < Keys; i++)
            {
                map.AddOrUpdate((i + (thread * Keys / Writers)) % Keys, 1, (_, count) => count + 1);
            }
        }, TestContext.Current.CancellationToken);

        map.Count.Should().Be(Keys);
        map.Should().AllSatisfy(entry => entry.Value.Should().Be(Writers, $"each of the {Writers} threads incremented key {entry.Key} once"));
    }

    [Fact]
    public void Filling_a_map_allocates_a_constant_number_of_bytes_per_entry()
    {
        // A node per entry and a table that doubles: the copies made by all the resizes sum to about one more node
        // per entry. A table that grows by a fixed step copies every entry again and again, n² / step in all, so the
        // loop stops as soon as the budget is spent.
        const int Entries = 50_000;
        const long Budget = 256L * Entries;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var map = new ConcurrentHashMap<int, int>(4, 0);
        for (int key = 0; key < Entries && GC.GetAllocatedBytesForCurrentThread() - before <= Budget; key++)
        {
            map.TryAdd(key, key);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThanOrEqualTo(Budget, $"adding {Entries:N0} int entries may allocate 256 bytes each, and {map.Count:N0} adds took that");
        map.Count.Should().Be(Entries);
    }

    [Fact]
    public void A_lookup_takes_the_same_time_in_a_large_map_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A TryGetValue of a present key", 1_000, size =>
        {
            var map = FullMap(size);
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    map.TryGetValue(i * 7_919 % size, out _);
                }
            };
        });

    [Fact]
    public void Adding_and_removing_a_key_takes_the_same_time_in_a_large_map_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A TryAdd then TryRemove of a missing key", 1_000, size =>
        {
            var map = FullMap(size);
            return () =>
            {
                for (int i = 0; i < Operations; i++)
                {
                    map.TryAdd(size + i, i);
                    map.TryRemove(size + i, out _);
                }
            };
        });

    private static int Key(int writer, int index) => (index * Writers) + writer;

    private static ConcurrentHashMap<int, int> FullMap(int size)
    {
        var map = new ConcurrentHashMap<int, int>();
        for (int key = 0; key < size; key++)
        {
            map.TryAdd(key, key);
        }

        return map;
    }

    // Runs the writers, each calling write for its indices in order and then publishing how far it got, while the
    // readers look up keys already published that should be there. Returns what a reader missed, if anything.
    private static async Task<string?> Storm(ConcurrentHashMap<int, int> map, Action<int, int> write, Func<int, bool> stays, CancellationToken cancellationToken)
    {
        var published = new int[Writers];
        int writersDone = 0;
        string? missed = null;
        await TestThreads.RunTogetherAsync(Writers + Readers, thread =>
        {
            if (thread < Writers)
            {
                for (int index = 0; index < KeysPerWriter; index++)
                {
                    write(thread, index);
                    Volatile.Write(ref published[thread], index + 1);
                }

                Interlocked.Increment(ref writersDone);
                return;
            }

            var random = new Random(thread);
            while (Volatile.Read(ref writersDone) < Writers && missed is null)
            {
                int writer = random.Next(Writers);
                int upTo = Volatile.Read(ref published[writer]);
                if (upTo == 0)
                {
                    continue;
                }

                int index = random.Next(upTo);
                int key = Key(writer, index);
                if (stays(index) && !(map.TryGetValue(key, out int value) && value == -key))
                {
                    missed = $"TryGetValue({key}) missed a key its writer had added {upTo - index} keys earlier";
                }
            }
        }, cancellationToken);
        return missed;
    }
}
