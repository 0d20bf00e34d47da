// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (TestThreads.ShouldFinish), or get the test's token.
#pragma warning disable xUnit1051

using Microsoft.Extensions.Time.Testing;
using static Katas.Tests.BoundedQueueThreads;

namespace Katas.Tests;

/// <summary>
/// Stage 5 of the bounded queue, timeouts: a timed call gives up when its timeout has passed, measured on the
/// queue's TimeProvider, and its deadline holds however often it is woken for nothing. The tests on a fake clock
/// never sleep on time: they move the clock.
/// </summary>
[Stage(5)]
public sealed class BoundedQueueTimeoutTests
{
    // The timeout of the tests on a fake clock: far longer than the test's patience, so that a wait timed by the
    // system's clock instead of the queue's cannot end before the test gives up on it.
    private static readonly TimeSpan LongTimeout = TimeSpan.FromMinutes(5);

    [Fact(Timeout = 30_000)]
    public async Task TryEnqueue_with_a_timeout_on_a_full_queue_gives_up_when_the_timeout_passes()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);

        (_, Task<bool> added) = TestThreads.Start("TryEnqueue with a 50 ms timeout", () => queue.TryEnqueue(2, TimeSpan.FromMilliseconds(50)));

        (await added.ShouldFinish("TryEnqueue with a 50 ms timeout on a full queue", TestContext.Current.CancellationToken)).Should().BeFalse();
        queue.Count.Should().Be(1);
        queue.Dequeue().Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task TryDequeue_with_a_timeout_on_an_empty_queue_gives_up_when_the_timeout_passes()
    {
        var queue = new BoundedQueue<int>(1);

        (_, Task<bool> taken) = TestThreads.Start("TryDequeue with a 50 ms timeout", () => queue.TryDequeue(out _, TimeSpan.FromMilliseconds(50)));

        (await taken.ShouldFinish("TryDequeue with a 50 ms timeout on an empty queue", TestContext.Current.CancellationToken)).Should().BeFalse();
    }

    [Theory(Timeout = 30_000)]
    [InlineData("TryDequeue")]
    [InlineData("TryEnqueue")]
    public async Task A_timed_call_gives_up_exactly_at_its_deadline_on_the_queues_clock(string call)
    {
        bool producer = call == "TryEnqueue";
        var clock = new FakeTimeProvider();
        BoundedQueue<int> queue = QueueThatMakesItWait(producer, clock);
        (Thread thread, Task<(bool Done, int Item)> timed) = StartTimedCall(queue, producer, call, item: 2);
        LetTimedCallsSettle(thread);

        clock.Advance(LongTimeout - TimeSpan.FromTicks(1));
        timed.ShouldStillBeBlocked(thread, $"{call} a tick before its deadline on the queue's clock");
        clock.Advance(TimeSpan.FromTicks(1));

        (await timed.ShouldFinish($"{call}, at its deadline on the queue's clock,", TestContext.Current.CancellationToken))
            .Done.Should().BeFalse("nothing changed before the deadline");
        queue.Count.Should().Be(producer ? 1 : 0);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("TryDequeue")]
    [InlineData("TryEnqueue")]
    public async Task Timed_calls_woken_again_and_again_for_nothing_still_give_up_at_their_first_deadline(string call)
    {
        // Twelve timed calls wait on a one-slot queue. Each round, a tenth of the timeout apart on the queue's clock,
        // the test gives them what they wait for once and takes it straight back if it can, as a faster caller on
        // another core could: one call may get it and return, the others are woken, find nothing, and wait again.
        // There are more calls than rounds, so some are still waiting at the deadline. A call that started its whole
        // timeout afresh at each wake-up would still be waiting then, and give up up to nine tenths of a timeout late.
        const int Calls = 12;
        const int Rounds = 9;
        bool producer = call == "TryEnqueue";
        TimeSpan interval = LongTimeout / (Rounds + 1);
        var clock = new FakeTimeProvider();
        BoundedQueue<int> queue = QueueThatMakesItWait(producer, clock);
        var calls = Enumerable.Range(0, Calls).Select(index => StartTimedCall(queue, producer, $"{call} {index}", item: 100 + index)).ToList();
        LetTimedCallsSettle([.. calls.Select(started => started.Thread)]);

        // Every item that goes into the queue, and every item that comes out of it, to account for them at the end.
        List<int> itemsIn = producer ? [Filler] : [];
        var itemsOut = new List<int>();
        for (int round = 0; round < Rounds; round++)
        {
            clock.Advance(interval);
            if (producer)
            {
                itemsOut.Add(queue.Dequeue());
                if (queue.TryEnqueue(round, NoWait))
                {
                    itemsIn.Add(round);
                }
            }
            else
            {
                queue.Enqueue(round);
                itemsIn.Add(round);
                if (queue.TryDequeue(out int back, NoWait))
                {
                    itemsOut.Add(back);
                }
            }

            // Give the woken calls the moment to find what they were woken for gone, and to wait again.
            PauseForOtherThreads();
        }

        bool[] finishedEarly = [.. calls.Select(started => started.Finished.IsCompleted)];
        clock.Advance(LongTimeout - (Rounds * interval));
        var results = await Task.WhenAll(calls.Select(started => started.Finished))
            .ShouldFinish($"{Calls} {call} calls, woken up to {Rounds} times each for nothing, at their first deadline on the queue's clock,", TestContext.Current.CancellationToken);

        results.Where((_, index) => finishedEarly[index]).Should().NotContain(
            result => !result.Done, $"before its deadline a {call} may only return with what it waited for");

        results.Count(result => !result.Done).Should().BeGreaterThanOrEqualTo(Calls - Rounds, "only one call a round can get what the test gave");
        var delivered = results.Where(result => result.Done).Select(result => result.Item);
        if (producer)
        {
            itemsIn.AddRange(delivered);
            itemsOut.Add(queue.Dequeue());
        }
        else
        {
            itemsOut.AddRange(delivered);
        }

        itemsOut.Should().BeEquivalentTo(itemsIn, "every item that went in came out exactly once");
        queue.Count.Should().Be(0);
    }

    // Starts a timed TryEnqueue of the item, or a timed TryDequeue, with LongTimeout on a queue that makes it wait.
    private static (Thread Thread, Task<(bool Done, int Item)> Finished) StartTimedCall(BoundedQueue<int> queue, bool producer, string call, int item) =>
        TestThreads.Start($"{call} with a {LongTimeout.TotalMinutes:0}-minute timeout", () =>
        {
            if (producer)
            {
                return (queue.TryEnqueue(item, LongTimeout), item);
            }

            bool taken = queue.TryDequeue(out int takenItem, LongTimeout);
            return (taken, takenItem);
        });

    // Lets the calls begin to wait before the clock moves: a timeout counts from the call, so the clock must not move
    // before the call has read it. A thread that has only just begun to wait may still be spinning, and would react
    // to the first wake-up at once; a moment more lets it settle into its sleep.
    private static void LetTimedCallsSettle(params Thread[] threads)
    {
        foreach (Thread thread in threads)
        {
            TestThreads.WaitUntilBlocked(thread);
        }

        PauseForOtherThreads();
    }
}
