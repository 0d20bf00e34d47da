namespace Katas.Tests;

/// <summary>
/// Stage 4 of the concurrent hash map: readers take no lock. A reader finishes while writers are parked holding
/// locks, never sees a value half-written, and allocates nothing.
/// </summary>
[Stage(4)]
public sealed class ConcurrentHashMapLockFreeReadTests
{
    [Fact]
    public void Reads_allocate_nothing()
    {
        var map = new ConcurrentHashMap<int, int>();
        for (int key = 0; key < 1_000; key++)
        {
            map.TryAdd(key, key);
        }

        Read(map);
        long allocated = Allocations.Fewest(() => Read(map));

        allocated.Should().Be(0, "TryGetValue, and GetOrAdd of a present key, allocate nothing");

        static void Read(ConcurrentHashMap<int, int> map)
        {
            for (int key = 0; key < 2_000; key++)
            {
                map.TryGetValue(key, out _);
                map.GetOrAdd(key % 1_000, static _ => -1);
            }
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Reads_finish_while_a_writer_of_the_same_chain_is_parked_in_a_factory()
    {
        // One hash code for every key: one bucket, one segment, one chain, whose lock the parked writer holds.
        var map = new ConcurrentHashMap<int, int>(4, 64, new OneHashCodeComparer());
        for (int key = 0; key < 10; key++)
        {
            map.TryAdd(key, key * 10);
        }

        using var parked = ConcurrentHashMapParkedCall.Start(map, 100, 1_000);
        var reader = TestThreads.Start("a reader of the parked writer's chain", () =>
        {
            var seen = new List<int>();
            for (int key = 0; key < 10; key++)
            {
                seen.Add(map.TryGetValue(key, out int value) ? value : -1);
                seen.Add(map.GetOrAdd(key, _ => throw new InvalidOperationException($"GetOrAdd({key}) called the factory of a present key.")));
            }

            seen.Add(map.TryGetValue(50, out _) ? 50 : -1);
            return seen;
        });

        var seen = await reader.Finished.ShouldFinish(
            "TryGetValue and GetOrAdd of present keys, while a writer of their segment was parked in a factory (reads take no lock)",
            TestContext.Current.CancellationToken);
        parked.Finished.IsCompleted.Should().BeFalse("the writer was still parked while the reads finished");

        seen.Should().Equal([.. Enumerable.Range(0, 10).SelectMany(key => new[] { key * 10, key * 10 }), -1]);
        parked.Release();
        (await parked.Finished.ShouldFinish("the parked GetOrAdd, once released", TestContext.Current.CancellationToken)).Should().Be(1_000);
        map.Count.Should().Be(11);
    }

    [Fact(Timeout = 60_000)]
    public async Task Reads_finish_while_writers_wait_behind_a_parked_one_for_its_segment_or_for_a_resize()
    {
        // A table of one bucket per segment, full: the writer's next keys need either the parked segment or a
        // resize, which waits for every segment, the parked one included.
        const int Segments = 16;
        var map = new ConcurrentHashMap<int, int>(Segments, 0);
        for (int key = 0; key < Segments; key++)
        {
            map.TryAdd(key, key);
        }

        using var parked = ConcurrentHashMapParkedCall.Start(map, 1_000, 0);
        int added = 0;
        var writer = TestThreads.Start("a writer behind the parked one", () =>
        {
            for (int key = 2_000; key < 2_000 + (Segments * 4); key++)
            {
                map.TryAdd(key, key);
                Volatile.Write(ref added, key - 2_000 + 1);
            }
        });
        TestThreads.WaitUntilBlocked(writer.Thread);

        int addedBeforeReading = Volatile.Read(ref added);
        var reader = TestThreads.Start("a reader while the writers wait", () =>
            Enumerable.Range(0, Segments).Concat(Enumerable.Range(2_000, addedBeforeReading))
                .All(key => map.TryGetValue(key, out int value) && value == key));

        bool foundEveryKey = await reader.Finished.ShouldFinish(
            "TryGetValue of every key added, while writers waited behind one parked in a factory (reads take no lock and do not wait for a resize)",
            TestContext.Current.CancellationToken);
        foundEveryKey.Should().BeTrue("every key added before the reads began is found, whatever the writers are waiting for");

        parked.Release();
        await writer.Finished.ShouldFinish("the waiting writer, once the parked one is released", TestContext.Current.CancellationToken);
        map.Count.Should().Be(Segments + 1 + (Segments * 4));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_reader_never_sees_a_value_half_written()
    {
        // A value of five longs that writers keep equal: a reader that sees them differ has read half of one write
        // and half of another, as a large struct overwritten in place allows.
        const int Keys = 4;
        int updates = TestEffort.Rounds(200_000);
        var map = new ConcurrentHashMap<int, Wide>();
        for (int key = 0; key < Keys; key++)
        {
            map.TryAdd(key, new Wide(0, 0, 0, 0, 0));
        }

        int writersDone = 0;
        string? torn = null;
        await TestThreads.RunTogetherAsync(4, thread =>
        {
            if (thread < 2)
            {
                for (int i = 0; i < updates; i++)
                {
                    map.AddOrUpdate(i % Keys, default, (_, wide) => new Wide(wide.A + 1, wide.A + 1, wide.A + 1, wide.A + 1, wide.A + 1));
                }

                Interlocked.Increment(ref writersDone);
                return;
            }

            for (int i = 0; Volatile.Read(ref writersDone) < 2 && torn is null; i++)
            {
                if (map.TryGetValue(i % Keys, out Wide wide) && !wide.Whole)
                {
                    torn = $"TryGetValue({i % Keys}) returned {wide}";
                }
            }
        }, TestContext.Current.CancellationToken);

        torn.Should().BeNull("a read returns a value some write stored, never a mix of two");
        map.Select(entry => entry.Value.A).Sum().Should().Be(2L * updates, "every update is kept");
    }

    /// <summary>A struct too large to be written by one instruction.</summary>
    private readonly record struct Wide(long A, long B, long C, long D, long E)
    {
        public bool Whole => A == B && B == C && C == D && D == E;
    }
}
