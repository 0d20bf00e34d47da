namespace Katas.Tests;

/// <summary>
/// Stage 2 of the concurrent hash map: many threads at once on striped locks, with exact accounting of every
/// entry, factories that run at most once, segments that do not wait for each other, and linearizability.
/// </summary>
[Stage(2)]
public sealed class ConcurrentHashMapContentionTests
{
    private const int Threads = 4;

    [Fact(Timeout = 30_000)]
    public async Task Threads_adding_different_keys_lose_none()
    {
        const int KeysPerThread = 20_000;
        var map = new ConcurrentHashMap<int, int>();

        await TestThreads.RunTogetherAsync(Threads, thread =>
        {
            for (int i = 0; i < KeysPerThread; i++)
            {
                int key = (i * Threads) + thread;
                if (!map.TryAdd(key, -key))
                {
                    throw new InvalidOperationException($"TryAdd({key}) found the key, but no other thread adds it.");
                }
            }
        }, TestContext.Current.CancellationToken);

        map.Count.Should().Be(Threads * KeysPerThread);
        for (int key = 0; key < Threads * KeysPerThread; key++)
        {
            map.TryGetValue(key, out int value).Should().BeTrue($"key {key} was added");
            value.Should().Be(-key);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Threads_racing_to_add_the_same_keys_add_each_exactly_once()
    {
        const int Keys = 20_000;
        var map = new ConcurrentHashMap<int, int>();
        var added = new List<int>[Threads];

        await TestThreads.RunTogetherAsync(Threads, thread =>
        {
            added[thread] = [];
            for (int key = 0; key < Keys; key++)
            {
                if (map.TryAdd(key, thread))
                {
                    added[thread].Add(key);
                }
            }
        }, TestContext.Current.CancellationToken);

        added.SelectMany(keys => keys).Order().Should().Equal(Enumerable.Range(0, Keys), "each key is added by exactly one thread");
        map.Count.Should().Be(Keys);
        for (int thread = 0; thread < Threads; thread++)
        {
            foreach (int key in added[thread])
            {
                map.TryGetValue(key, out int value).Should().BeTrue();
                value.Should().Be(thread, $"thread {thread}'s TryAdd({key}) succeeded, so its value is the one kept");
            }
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Threads_racing_to_remove_the_same_keys_remove_each_exactly_once()
    {
        const int Keys = 20_000;
        var map = new ConcurrentHashMap<int, int>();
        for (int key = 0; key < Keys; key++)
        {
            map.TryAdd(key, key * 3);
        }

        var removed = new List<(int Key, int Value)>[Threads];
        await TestThreads.RunTogetherAsync(Threads, thread =>
        {
            removed[thread] = [];
            for (int key = 0; key < Keys; key++)
            {
                if (map.TryRemove(key, out int value))
                {
                    removed[thread].Add((key, value));
                }
            }
        }, TestContext.Current.CancellationToken);

        removed.SelectMany(entries => entries).Order().Should().Equal(
            Enumerable.Range(0, Keys).Select(key => (key, key * 3)), "each key is removed by exactly one thread, with its value");
        map.Count.Should().Be(0);
        map.Should().BeEmpty();
    }

    [Fact(Timeout = 30_000)]
    public async Task Counting_with_AddOrUpdate_on_many_threads_loses_no_increment_and_calls_the_update_once_per_call_that_finds_the_key()
    {
        const int Keys = 64;
        const int IncrementsPerThread = Keys * 800;
        var map = new ConcurrentHashMap<int, int>();
        long updates = 0;

        await TestThreads.RunTogetherAsync(Threads, thread =>
        {
            for (int i = 0; i < IncrementsPerThread; i++)
            {
                map.AddOrUpdate((i + thread) % Keys, 1, (_, count) =>
                {
                    Interlocked.Increment(ref updates);
                    return count + 1;
                });
            }
        }, TestContext.Current.CancellationToken);

        for (int key = 0; key < Keys; key++)
        {
            map.TryGetValue(key, out int count).Should().BeTrue();
            count.Should().Be(Threads * IncrementsPerThread / Keys, $"every increment of key {key} is kept");
        }

        updates.Should().Be((Threads * IncrementsPerThread) - Keys, "each call but the one that added its key called the update exactly once");
    }

    [Fact(Timeout = 30_000)]
    public async Task GetOrAdd_calls_the_factory_once_while_the_other_callers_of_the_key_wait_for_its_value()
    {
        var map = new ConcurrentHashMap<int, object>();
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        int calls = 0;
        Func<int, object> factory = _ =>
        {
            Interlocked.Increment(ref calls);
            entered.Set();
            release.Wait(3 * TestThreads.Patience);
            return new object();
        };

        var first = TestThreads.Start("the first GetOrAdd", () => map.GetOrAdd(1, factory));
        entered.Wait(TestThreads.Patience, TestContext.Current.CancellationToken).Should().BeTrue("the first GetOrAdd of a missing key calls its factory");
        var others = Enumerable.Range(0, Threads - 1).Select(i => TestThreads.Start($"GetOrAdd {i + 2}", () => map.GetOrAdd(1, factory))).ToList();
        foreach (var (thread, _) in others)
        {
            TestThreads.WaitUntilBlocked(thread);
        }

        release.Set();
        object[] results = [await first.Finished.ShouldFinish("the first GetOrAdd", TestContext.Current.CancellationToken),
            .. await Task.WhenAll(others.Select(other => other.Finished)).ShouldFinish("the other GetOrAdds", TestContext.Current.CancellationToken)];

        calls.Should().Be(1, "the factory runs at most once per key, however many callers race for it");
        results.Should().AllSatisfy(result => result.Should().BeSameAs(results[0], "every caller gets the one value stored"));
        map.TryGetValue(1, out object? stored).Should().BeTrue();
        stored.Should().BeSameAs(results[0]);
        map.Count.Should().Be(1);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_writer_parked_in_a_factory_holds_up_no_writer_of_another_segment()
    {
        const int Others = 16;
        var map = new ConcurrentHashMap<int, int>(16, 1_024);
        using var parked = ConcurrentHashMapParkedCall.Start(map, 0, 0);

        var writers = Enumerable.Range(1, Others).Select(key => TestThreads.Start($"TryAdd({key})", () => map.TryAdd(key, key)).Finished).ToList();
        await Task.WhenAny(writers).ShouldFinish(
            $"Every TryAdd of {Others} other keys while one writer was parked in a factory (a map of 16 segments spreads them over several, and only one can be the parked writer's)",
            TestContext.Current.CancellationToken);

        parked.Release();
        await parked.Finished.ShouldFinish("the parked GetOrAdd, once released", TestContext.Current.CancellationToken);
        (await Task.WhenAll(writers).ShouldFinish("the other writers", TestContext.Current.CancellationToken)).Should().AllBeEquivalentTo(true);
        map.Count.Should().Be(Others + 1);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_factory_that_throws_leaves_its_segment_unlocked_for_other_threads()
    {
        var map = new ConcurrentHashMap<int, int>();
        map.TryAdd(2, 2);

        var failedAdd = TestThreads.Start("GetOrAdd with a throwing factory", () => map.GetOrAdd(1, _ => throw new FormatException()));
        await ((Func<Task>)(() => failedAdd.Finished)).Should().ThrowAsync<FormatException>();
        var failedUpdate = TestThreads.Start("AddOrUpdate with a throwing update", () => map.AddOrUpdate(2, 0, (_, _) => throw new FormatException()));
        await ((Func<Task>)(() => failedUpdate.Finished)).Should().ThrowAsync<FormatException>();

        bool added = await TestThreads.Start("TryAdd after the failed GetOrAdd", () => map.TryAdd(1, 1)).Finished
            .ShouldFinish("A TryAdd of the key whose factory threw on another thread", TestContext.Current.CancellationToken);
        int updated = await TestThreads.Start("AddOrUpdate after the failed update", () => map.AddOrUpdate(2, 0, (_, value) => value + 1)).Finished
            .ShouldFinish("An AddOrUpdate of the key whose update threw on another thread", TestContext.Current.CancellationToken);

        added.Should().BeTrue();
        updated.Should().Be(3);
    }

    [Fact(Timeout = 60_000)]
    public async Task Count_and_the_enumeration_see_the_map_at_one_moment()
    {
        // The writer moves one key along: add the next, then remove the last. At every moment the map holds two
        // consecutive keys or one. Consecutive keys have hash codes 255 apart mod 256, so in most maps they sit at
        // opposite ends of the table and the segments: a Count or an enumeration that reads the segments one after
        // another without locking them can miss both, or see both and the next.
        //
        // Only a read that overlaps the writer's calls can see that, and on a loaded machine the two threads may take
        // turns on one core for long stretches; so the reader goes on until it has made enough reads during which the
        // writer moved, rather than for a fixed number of moves.
        int overlapsWanted = TestEffort.Rounds(50_000);
        const int MostMoves = 50_000_000;
        var map = new ConcurrentHashMap<int, int>(256, 256);
        map.TryAdd(Key(0), 0);
        int moves = 0;
        bool stop = false;
        string? broken = null;

        await TestThreads.RunTogetherAsync(2, thread =>
        {
            if (thread == 0)
            {
                for (int move = 1; move <= MostMoves && !Volatile.Read(ref stop); move++)
                {
                    map.TryAdd(Key(move), move);
                    map.TryRemove(Key(move - 1), out _);
                    Volatile.Write(ref moves, move);
                }

                Volatile.Write(ref stop, true);
                return;
            }

            int overlaps = 0;
            while (!Volatile.Read(ref stop) && broken is null)
            {
                for (int i = 0; i < 64 && broken is null; i++)
                {
                    int movesBefore = Volatile.Read(ref moves);
                    if (map.Count is not (1 or 2) and int count)
                    {
                        broken = $"Count was {count}, but the map only ever held one or two keys";
                    }

                    overlaps += Volatile.Read(ref moves) == movesBefore ? 0 : 1;
                }

                int[] moved = [.. map.Select(entry => entry.Value).Order()];
                if (broken is null && !(moved.Length == 1 || (moved.Length == 2 && moved[1] == moved[0] + 1)))
                {
                    broken = $"an enumeration saw the keys of moves [{string.Join(", ", moved)}], but the map only ever held one key or two consecutive ones";
                }

                if (overlaps >= overlapsWanted)
                {
                    Volatile.Write(ref stop, true);
                }
            }

            Volatile.Write(ref stop, true);
        }, TestContext.Current.CancellationToken);

        broken.Should().BeNull("Count and the enumeration each describe the map at one moment during the call");
        map.Should().Equal([KeyValuePair.Create(Key(moves), moves)]);

        static int Key(int move) => (move * 256) + (move % 2 * 255);
    }

    [Fact(Timeout = 60_000)]
    public async Task Mixed_operations_on_four_threads_account_for_every_entry_and_every_token()
    {
        // Every call's effect is counted on its thread: each key's inserts and removes, and the tokens its value holds
        // (one per add or increment, taken away by the remove that returns them). At the end the map must hold exactly
        // what the ledgers say.
        const int Keys = 512;
        int operations = TestEffort.Rounds(1_000_000);
        var map = new ConcurrentHashMap<int, long>();
        var ledgers = new Ledger[Threads];

        await TestThreads.RunTogetherAsync(Threads, thread =>
        {
            var ledger = ledgers[thread] = new Ledger(Keys);
            int made = 0;
            int updated = 0;
            Func<int, long> make = _ =>
            {
                made++;
                return 1;
            };
            Func<int, long, long> increment = (_, tokens) =>
            {
                updated++;
                return tokens + 1;
            };
            uint random = (uint)(thread * 7_919) + 1;
            for (int i = 0; i < operations; i++)
            {
                random ^= random << 13;
                random ^= random >> 17;
                random ^= random << 5;
                int key = (int)(random % Keys);
                switch ((random >> 16) % 100)
                {
                    case < 30:
                        if (map.TryGetValue(key, out long seen) && seen < 1)
                        {
                            ledger.Broken ??= $"TryGetValue({key}) saw {seen} tokens, but every value holds at least one";
                        }

                        break;
                    case < 50:
                        int updatesBefore = updated;
                        map.AddOrUpdate(key, 1, increment);
                        ledger.TokensIn[key]++;
                        if (updated == updatesBefore)
                        {
                            ledger.Inserts[key]++;
                        }

                        break;
                    case < 65:
                        if (map.TryAdd(key, 1))
                        {
                            ledger.TokensIn[key]++;
                            ledger.Inserts[key]++;
                        }

                        break;
                    case < 80:
                        int madeBefore = made;
                        if (map.GetOrAdd(key, make) < 1)
                        {
                            ledger.Broken ??= $"GetOrAdd({key}) returned a value with no tokens";
                        }

                        if (made != madeBefore)
                        {
                            ledger.TokensIn[key]++;
                            ledger.Inserts[key]++;
                        }

                        break;
                    default:
                        if (map.TryRemove(key, out long tokens))
                        {
                            ledger.TokensOut[key] += tokens;
                            ledger.Removes[key]++;
                        }

                        break;
                }
            }
        }, TestContext.Current.CancellationToken);

        ledgers.Select(ledger => ledger.Broken).Should().AllSatisfy(broken => broken.Should().BeNull());
        var snapshot = map.ToDictionary();
        int present = 0;
        for (int key = 0; key < Keys; key++)
        {
            long net = ledgers.Sum(ledger => (long)ledger.Inserts[key] - ledger.Removes[key]);
            long tokens = ledgers.Sum(ledger => ledger.TokensIn[key] - ledger.TokensOut[key]);
            net.Should().BeInRange(0, 1, $"key {key} can be inserted again only after it was removed");
            snapshot.ContainsKey(key).Should().Be(net == 1, $"key {key} was inserted {net} more times than removed");
            snapshot.GetValueOrDefault(key).Should().Be(tokens, $"key {key}'s value holds every token put in and not taken out by a remove");
            present += (int)net;
        }

        map.Count.Should().Be(present);
        snapshot.Count.Should().Be(present);
    }

    [Fact(Timeout = 180_000)]
    public Task Parallel_operations_are_linearizable() =>
        // Three maps: a roomy one, one whose keys share chains, and one of a single bucket that doubles as soon as it
        // holds two keys, so that resizes happen in the middle of the histories.
        ConcurrentHashMapLinearizability.CheckAsync(TestContext.Current.CancellationToken, new(4, 16, 0, false), new(2, 16, 0, true), new(1, 0, 0, false));

    /// <summary>One thread's record of what its calls did, key by key.</summary>
    /// <param name="keys">How many keys.</param>
    private sealed class Ledger(int keys)
    {
        public int[] Inserts { get; } = new int[keys];

        public int[] Removes { get; } = new int[keys];

        public long[] TokensIn { get; } = new long[keys];

        public long[] TokensOut { get; } = new long[keys];

        public string? Broken { get; set; }
    }
}
