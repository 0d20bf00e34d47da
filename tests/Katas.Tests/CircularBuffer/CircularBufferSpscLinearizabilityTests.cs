using System.Globalization;
using CsCheck;
using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// Stage 5 of the circular buffer: linearizability of the SPSC ring. A producer thread and a consumer thread
/// race through short random scripts of <c>TryWrite</c> and <c>TryRead</c>, and the results must match some
/// one-at-a-time order of the calls that never moves a call before one that had returned before it began.
/// </summary>
/// <remarks>
/// CsCheck's <c>SampleParallel</c> runs operations on whichever threads it likes, which would break the
/// ring's one-producer, one-consumer contract, so this test runs its own two threads, records their calls in a
/// <see cref="ConcurrentHistory{TOperation, TResult}"/> and asks <see cref="Linearizability"/> for an order.
/// <see cref="SpscRingBuffer{T}.Count"/> is left out of the race: it is documented as a snapshot, exact only
/// between calls, and is checked here at rest, after both threads have finished.
/// </remarks>
[Stage(5)]
public sealed class CircularBufferSpscLinearizabilityTests
{
    [Fact(Timeout = 60_000)]
    public async Task Concurrent_writes_and_reads_are_linearizable()
    {
        // The threads of a history run to completion on their own; the timeout ends a test whose attempt spins.
        await Task.Run(CheckLinearizability, TestContext.Current.CancellationToken).WaitAsync(TestContext.Current.CancellationToken);
    }

    private static void CheckLinearizability()
    {
        // The spin counts before each call shift the two threads against each other, so that calls overlap in
        // ever different ways; laps move the positions round the ring before the race begins.
        var scenario = Gen.Select(
            Gen.Int[1, 4],
            Gen.Int[0, 4],
            Gen.Int[0, 6],
            Gen.Int[0, 40].Array[0, 10],
            Gen.Int[0, 40].Array[0, 10]);

        scenario.Sample(
            (capacity, prefill, laps, producerSpins, consumerSpins) =>
                Race(capacity, Math.Min(prefill, capacity), laps, producerSpins, consumerSpins),
            iter: TestEffort.Rounds(1_000),
            threads: 1,
            print: scenario => string.Create(
                CultureInfo.InvariantCulture,
                $"capacity {scenario.Item1}, {Math.Min(scenario.Item2, scenario.Item1)} items written first after {scenario.Item3} laps, "
                + $"{scenario.Item4.Length} TryWrite calls against {scenario.Item5.Length} TryRead calls"));
    }

    private static void Race(int capacity, int prefill, int laps, int[] producerSpins, int[] consumerSpins)
    {
        var ring = new SpscRingBuffer<int>(capacity);

        // Whole laps round the ring, then a few items in it: the race starts anywhere on the ring.
        for (int lap = 0; lap < laps * capacity; lap++)
        {
            Require(ring.TryWrite(-1), "a TryWrite into an empty ring returned false");
            Require(ring.TryRead(out int item) && item == -1, "a TryRead after one TryWrite did not return its item");
        }

        int[] heldAtStart = [.. Enumerable.Range(1, prefill).Select(item => -item)];
        foreach (int item in heldAtStart)
        {
            Require(ring.TryWrite(item), "a TryWrite into a ring with room returned false");
        }

        var history = new ConcurrentHistory<SpscCall, SpscReturn>(2);
        int waiting = 2;
        var producer = TestThreads.Start("producer", () =>
        {
            StartTogether(ref waiting);
            for (int call = 0; call < producerSpins.Length; call++)
            {
                Thread.SpinWait(producerSpins[call]);
                int item = call;
                history.Record(0, new SpscCall(IsWrite: true, item), () => new SpscReturn(ring.TryWrite(item), null));
            }
        });
        var consumer = TestThreads.Start("consumer", () =>
        {
            StartTogether(ref waiting);
            for (int call = 0; call < consumerSpins.Length; call++)
            {
                Thread.SpinWait(consumerSpins[call]);
                history.Record(1, new SpscCall(IsWrite: false, 0), () => ring.TryRead(out int item) ? new SpscReturn(true, item) : new SpscReturn(false, null));
            }
        });
        Task.WhenAll(producer.Finished, consumer.Finished).GetAwaiter().GetResult();

        string Describe() => $"capacity {capacity}, holding {Structural.Format(heldAtStart)} at the start.\n{history.Describe()}";
        int[] left = Linearizability.Explain(history.Calls, heldAtStart, (held, call) => Apply(held, call, capacity))
            ?? throw new XunitException($"No one-at-a-time order of these calls explains what they returned. {Describe()}");

        // At rest Count is exact, and the ring holds what the calls left in it, oldest first.
        ring.Count.Should().Be(left.Length, $"after both threads finished, the ring holds {Structural.Format(left)}\n{Describe()}");
        ring.Drain().Should().Equal(left, $"the ring should hold {Structural.Format(left)}, oldest first\n{Describe()}");
    }

    // The sequential model: the items held, oldest first, in a ring of the given capacity.
    private static (int[] Held, SpscReturn Result) Apply(int[] held, SpscCall call, int capacity) =>
        call.IsWrite
            ? held.Length < capacity ? ([.. held, call.Item], new SpscReturn(true, null)) : (held, new SpscReturn(false, null))
            : held.Length > 0 ? (held[1..], new SpscReturn(true, held[0])) : (held, new SpscReturn(false, null));

    // Both threads spin at the start line, without ever yielding, until the other arrives: a script takes a
    // few microseconds, so a thread that slept at the line would find the other's calls all done.
    private static void StartTogether(ref int waiting)
    {
        Interlocked.Decrement(ref waiting);
        while (Volatile.Read(ref waiting) > 0)
        {
            Thread.SpinWait(1);
        }
    }

    private static void Require(bool condition, string failure)
    {
        if (!condition)
        {
            throw new XunitException($"Setting up the race: {failure}.");
        }
    }

    /// <summary>A call of the race: a TryWrite of an item, or a TryRead.</summary>
    /// <param name="IsWrite">Whether it is a TryWrite.</param>
    /// <param name="Item">The item a TryWrite writes.</param>
    private readonly record struct SpscCall(bool IsWrite, int Item)
    {
        public override string ToString() => IsWrite ? $"TryWrite({Item})" : "TryRead()";
    }

    /// <summary>What a call returned: whether it succeeded and, for a successful TryRead, the item it read.</summary>
    /// <param name="Succeeded">What the call returned.</param>
    /// <param name="Item">The item read, or <see langword="null"/>.</param>
    private readonly record struct SpscReturn(bool Succeeded, int? Item)
    {
        public override string ToString() => Item is { } item ? item.ToString(CultureInfo.InvariantCulture) : Succeeded ? "true" : "false";
    }
}
