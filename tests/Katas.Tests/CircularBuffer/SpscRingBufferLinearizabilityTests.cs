using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Linearizability of the SPSC ring: a producer thread and a consumer thread race through short random
/// scripts of <c>TryWrite</c> and <c>TryRead</c>, and the results must match some one-at-a-time order of the
/// calls that keeps each thread's own order and never moves a call before one that had returned before it
/// began.
/// </summary>
/// <remarks>
/// CsCheck's <c>SampleParallel</c> runs operations on whichever threads it likes, which would break the
/// ring's one-producer, one-consumer contract, so this test runs its own two threads and its own checker.
/// With one thread per side the check is cheap: whichever order the calls take, the ring's contents after
/// the first <c>i</c> writes and the first <c>j</c> reads are the same (the writes that succeeded, less the
/// reads that succeeded), so a history is linearizable exactly when the corner (writes, reads) of the grid of
/// such states can be reached one call at a time.
/// <see cref="SpscRingBuffer{T}.Count"/> is left out: it is documented as a snapshot, exact only between calls,
/// and is checked here at rest, after both threads have finished.
/// </remarks>
public sealed class SpscRingBufferLinearizabilityTests
{
    [Fact(Timeout = 60_000)]
    public async Task Concurrent_writes_and_reads_are_linearizable()
    {
        // The threads of a history run to completion on their own; the timeout ends a test whose attempt spins.
        await Task.Run(CheckLinearizability, TestContext.Current.CancellationToken).WaitAsync(TestContext.Current.CancellationToken);
    }

    private static void CheckLinearizability()
    {
        // The spin counts between calls shift the two threads against each other, so that calls overlap in
        // ever different ways; laps move the positions round the ring before the race begins.
        var scenario = Gen.Select(
            Gen.Int[1, 4],
            Gen.Int[0, 4],
            Gen.Int[0, 6],
            Gen.Int[0, 40].Array[0, 10],
            Gen.Int[0, 40].Array[0, 10]);

        scenario.Sample(
            (capacity, prefill, laps, producerSpins, consumerSpins) =>
            {
                var race = new Race(capacity, Math.Min(prefill, capacity), laps);
                race.Run(producerSpins, consumerSpins);
                race.Verify();
            },
            iter: TestEffort.Rounds(1_000),
            threads: 1,
            print: scenario => string.Create(
                CultureInfo.InvariantCulture,
                $"capacity {scenario.Item1}, {Math.Min(scenario.Item2, scenario.Item1)} items written first after {scenario.Item3} laps, "
                + $"{scenario.Item4.Length} TryWrite calls against {scenario.Item5.Length} TryRead calls"));
    }

    /// <summary>One call as it happened: what it did, what it returned, and when it began and returned.</summary>
    /// <param name="Item">The item written, or the item read when <paramref name="Succeeded"/>.</param>
    /// <param name="Succeeded">What the call returned.</param>
    /// <param name="Began">The shared clock just before the call.</param>
    /// <param name="Returned">The shared clock just after it.</param>
    private readonly record struct Call(int Item, bool Succeeded, long Began, long Returned);

    /// <summary>One history: a ring, a producer and a consumer racing on it, and the calls each one made.</summary>
    private sealed class Race
    {
        private readonly SpscRingBuffer<int> _ring;
        private readonly int _capacity;
        private readonly List<int> _heldAtStart = [];
        private Call[] _writes = [];
        private Call[] _reads = [];
        private long _clock;

        public Race(int capacity, int prefill, int laps)
        {
            _capacity = capacity;
            _ring = new SpscRingBuffer<int>(capacity);

            // Whole laps round the ring, then a few items in it: the race starts anywhere on the ring.
            for (int lap = 0; lap < laps * capacity; lap++)
            {
                Require(_ring.TryWrite(-1), "a TryWrite into an empty ring returned false");
                Require(_ring.TryRead(out int item) && item == -1, "a TryRead after one TryWrite did not return its item");
            }

            for (int item = 1; item <= prefill; item++)
            {
                Require(_ring.TryWrite(-item), "a TryWrite into a ring with room returned false");
                _heldAtStart.Add(-item);
            }
        }

        public void Run(int[] producerSpins, int[] consumerSpins)
        {
            var writes = new Call[producerSpins.Length];
            var reads = new Call[consumerSpins.Length];
            int waiting = 2;

            Exception? failure = RunBoth(
                () =>
                {
                    StartTogether(ref waiting);
                    for (int call = 0; call < writes.Length; call++)
                    {
                        Thread.SpinWait(producerSpins[call]);
                        long began = Interlocked.Increment(ref _clock);
                        bool written = _ring.TryWrite(call);
                        writes[call] = new Call(call, written, began, Interlocked.Increment(ref _clock));
                    }
                },
                () =>
                {
                    StartTogether(ref waiting);
                    for (int call = 0; call < reads.Length; call++)
                    {
                        Thread.SpinWait(consumerSpins[call]);
                        long began = Interlocked.Increment(ref _clock);
                        bool read = _ring.TryRead(out int item);
                        reads[call] = new Call(item, read, began, Interlocked.Increment(ref _clock));
                    }
                });

            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }

            _writes = writes;
            _reads = reads;
        }

        public void Verify()
        {
            if (!IsLinearizable(out List<int> itemsLeft))
            {
                throw new InvalidOperationException(
                    "No one-at-a-time order of these calls explains what they returned. Each call shows [clock when it began, clock when it returned]; "
                    + "calls whose brackets overlap may take effect in either order, all others in clock order.\n" + Describe());
            }

            // At rest Count is exact, and the ring holds what the calls left in it, oldest first.
            _ring.Count.Should().Be(itemsLeft.Count, $"after both threads finished, the ring holds [{string.Join(", ", itemsLeft)}]\n{Describe()}");
            foreach (int expected in itemsLeft)
            {
                _ring.TryRead(out int item).Should().BeTrue($"the ring should still hold [{string.Join(", ", itemsLeft)}]\n{Describe()}");
                item.Should().Be(expected, $"the ring should still hold [{string.Join(", ", itemsLeft)}], oldest first\n{Describe()}");
            }

            _ring.TryRead(out _).Should().BeFalse($"the ring should hold nothing more than [{string.Join(", ", itemsLeft)}]\n{Describe()}");
        }

        // reachable[w, r]: the first w writes and the first r reads can take effect one at a time, in some
        // order, each returning what it did. The ring then holds the items held at the start and written by
        // successful writes among the first w, less as many as the successful reads among the first r took.
        private bool IsLinearizable(out List<int> itemsLeft)
        {
            var items = new List<int>(_heldAtStart);
            var writtenBefore = new int[_writes.Length + 1];
            for (int w = 0; w < _writes.Length; w++)
            {
                writtenBefore[w + 1] = writtenBefore[w] + (_writes[w].Succeeded ? 1 : 0);
                if (_writes[w].Succeeded)
                {
                    items.Add(_writes[w].Item);
                }
            }

            var readBefore = new int[_reads.Length + 1];
            for (int r = 0; r < _reads.Length; r++)
            {
                readBefore[r + 1] = readBefore[r] + (_reads[r].Succeeded ? 1 : 0);
            }

            var reachable = new bool[_writes.Length + 1, _reads.Length + 1];
            reachable[0, 0] = true;
            for (int w = 0; w <= _writes.Length; w++)
            {
                for (int r = 0; r <= _reads.Length; r++)
                {
                    if (!reachable[w, r])
                    {
                        continue;
                    }

                    int held = _heldAtStart.Count + writtenBefore[w] - readBefore[r];

                    // Write w may go next unless read r (and so every later read) returned before it began.
                    if (w < _writes.Length && (r == _reads.Length || _reads[r].Returned > _writes[w].Began)
                        && _writes[w].Succeeded == (held < _capacity))
                    {
                        reachable[w + 1, r] = true;
                    }

                    // Read r may go next unless write w returned before it began; a successful read must take
                    // the oldest item held, and an unsuccessful one must find the ring empty.
                    if (r < _reads.Length && (w == _writes.Length || _writes[w].Returned > _reads[r].Began)
                        && (_reads[r].Succeeded ? held > 0 && _reads[r].Item == items[readBefore[r]] : held == 0))
                    {
                        reachable[w, r + 1] = true;
                    }
                }
            }

            itemsLeft = items.GetRange(readBefore[_reads.Length], items.Count - readBefore[_reads.Length]);
            return reachable[_writes.Length, _reads.Length];
        }

        private string Describe()
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"capacity {_capacity}, holding [{string.Join(", ", _heldAtStart)}] at the start");
            text.Append("\nproducer:");
            foreach (Call call in _writes)
            {
                text.Append(CultureInfo.InvariantCulture, $" TryWrite({call.Item}) = {call.Succeeded} [{call.Began}, {call.Returned}];");
            }

            text.Append("\nconsumer:");
            foreach (Call call in _reads)
            {
                string result = call.Succeeded ? call.Item.ToString(CultureInfo.InvariantCulture) : "false";
                text.Append(CultureInfo.InvariantCulture, $" TryRead = {result} [{call.Began}, {call.Returned}];");
            }

            return text.ToString();
        }

        // Both threads spin at the start line until the other arrives, so that their calls really overlap.
        private static void StartTogether(ref int waiting)
        {
            Interlocked.Decrement(ref waiting);
            while (Volatile.Read(ref waiting) > 0)
            {
                Thread.SpinWait(1);
            }
        }

        // Runs the producer on a thread of its own and the consumer on another; returns what either threw.
        private static Exception? RunBoth(Action producer, Action consumer)
        {
            Exception? failure = null;
            var threads = new[] { producer, consumer }.Select(side => new Thread(() =>
            {
                try
                {
                    side();
                }
                catch (Exception exception)
                {
                    Interlocked.CompareExchange(ref failure, exception, null);
                }
            })
            { IsBackground = true }).ToArray();

            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            return failure;
        }

        private static void Require(bool condition, string failure)
        {
            if (!condition)
            {
                throw new InvalidOperationException($"Setting up the race: {failure}.");
            }
        }
    }
}
