// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (TestThreads.ShouldFinish), or get the test's token.
#pragma warning disable xUnit1051

using static Katas.Tests.BoundedQueueThreads;

namespace Katas.Tests;

/// <summary>
/// Stage 5 of the bounded queue, who wakes whom: a wake-up that a cancelled or timed-out waiter must not
/// swallow, one that arrives for a waiter a faster caller has beaten to the item, and the races of a wait with
/// a cancellation and with CompleteAdding; last, a million items through a queue whose calls are cancelled at random.
/// </summary>
[Stage(5)]
public sealed class BoundedQueueWakeUpTests
{
    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancelled_consumer_does_not_swallow_the_wake_up_meant_for_the_next_one(bool async)
    {
        var queue = new BoundedQueue<int>(1);
        using var cancellation = new CancellationTokenSource();
        Task<int> cancelled = StartDequeue(queue, async, "the Dequeue to be cancelled", cancellation.Token);
        Task<int> next = StartDequeue(queue, async, "the Dequeue left waiting", CancellationToken.None);

        await cancellation.CancelAsync();
        Func<Task> waitForCancelled = () => cancelled.ShouldFinish("Dequeue, after its token was cancelled,", TestContext.Current.CancellationToken);
        await waitForCancelled.Should().ThrowAsync<OperationCanceledException>();
        queue.Enqueue(4);

        (await next.ShouldFinish("Dequeue, waiting behind one that was cancelled, after an item arrived,", TestContext.Current.CancellationToken))
            .Should().Be(4, "the cancelled consumer left, so the wake-up for the item goes to the one still waiting");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancelled_producer_does_not_swallow_the_wake_up_meant_for_the_next_one(bool async)
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);
        using var cancellation = new CancellationTokenSource();
        Task cancelled = StartEnqueue(queue, 2, async, "the Enqueue to be cancelled", cancellation.Token);
        Task next = StartEnqueue(queue, 3, async, "the Enqueue left waiting", CancellationToken.None);

        await cancellation.CancelAsync();
        Func<Task> waitForCancelled = () => cancelled.ShouldFinish("Enqueue, after its token was cancelled,", TestContext.Current.CancellationToken);
        await waitForCancelled.Should().ThrowAsync<OperationCanceledException>();
        queue.Dequeue().Should().Be(1);

        await next.ShouldFinish("Enqueue, waiting behind one that was cancelled, after room appeared,", TestContext.Current.CancellationToken);
        queue.Dequeue().Should().Be(3, "the cancelled producer left, so the room goes to the one still waiting");
        queue.Count.Should().Be(0);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("TryDequeue")]
    [InlineData("TryEnqueue")]
    public async Task A_call_that_timed_out_does_not_swallow_the_wake_up_meant_for_the_next_one(string call)
    {
        bool producer = call == "TryEnqueue";
        BoundedQueue<int> queue = QueueThatMakesItWait(producer);

        (Thread first, Task<bool> timedOut) = TestThreads.Start(
            $"{call} with a timeout", () => producer ? queue.TryEnqueue(2, TimeSpan.FromMilliseconds(200)) : queue.TryDequeue(out _, TimeSpan.FromMilliseconds(200)));
        TestThreads.WaitUntilBlocked(first);
        Task next = producer
            ? StartEnqueue(queue, 3, async: false, "the Enqueue left waiting", CancellationToken.None)
            : StartDequeue(queue, async: false, "the Dequeue left waiting", CancellationToken.None);

        (await timedOut.ShouldFinish($"{call}, once its timeout passed,", TestContext.Current.CancellationToken))
            .Should().BeFalse("nothing changed before the timeout passed");
        GiveWhatItWaitsFor(queue, producer, item: 4);

        await next.ShouldFinish($"the call waiting behind a {call} that timed out", TestContext.Current.CancellationToken);
        (await DeliveredBy(next, queue, producer))
            .Should().Be(producer ? 3 : 4, "the call that timed out left, so the wake-up goes to the one still waiting");
        queue.Count.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_woken_DequeueAsync_that_a_faster_consumer_beats_to_the_item_goes_on_waiting()
    {
        var queue = new BoundedQueue<int>(1);
        int rounds = TestEffort.Rounds(1_000);
        for (int round = 0; round < rounds; round++)
        {
            Task<int> waiting = queue.DequeueAsync().AsTask();
            PauseForOtherThreads();
            queue.Enqueue(round);

            // The wake-up is on its way to the waiting call; take the item first, as a consumer on another core could.
            if (queue.TryDequeue(out int first, NoWait))
            {
                first.Should().Be(round);
                PauseForOtherThreads();
                waiting.IsCompleted.Should().BeFalse(
                    $"in round {round} the woken call found the item gone and the queue empty, so it must be waiting again ({waiting.Exception?.InnerException?.Message})");
                queue.Enqueue(-round - 1);
                (await waiting.ShouldFinish($"DequeueAsync, beaten to one item and given another (round {round}),", TestContext.Current.CancellationToken))
                    .Should().Be(-round - 1, $"in round {round} the waiting call lost the first item, so it waits for the next instead of failing");
            }
            else
            {
                (await waiting.ShouldFinish($"DequeueAsync, given an item (round {round}),", TestContext.Current.CancellationToken)).Should().Be(round);
            }

            queue.Count.Should().Be(0);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task A_woken_EnqueueAsync_that_a_faster_producer_beats_to_the_room_goes_on_waiting()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(-1);
        int rounds = TestEffort.Rounds(1_000);
        for (int round = 0; round < rounds; round++)
        {
            // The queue holds the previous round's item (-1 at first): this call has to wait.
            Task waiting = queue.EnqueueAsync(round).AsTask();
            PauseForOtherThreads();
            queue.Dequeue().Should().Be(round - 1);

            // The wake-up is on its way to the waiting call; fill the room first, as a producer on another core could.
            if (queue.TryEnqueue(-round - 2, NoWait))
            {
                PauseForOtherThreads();
                waiting.IsCompleted.Should().BeFalse(
                    $"in round {round} the woken call found the room gone and the queue full, so it must be waiting again ({waiting.Exception?.InnerException?.Message})");
                queue.Dequeue().Should().Be(-round - 2);
            }

            await waiting.ShouldFinish($"EnqueueAsync, once room appeared for good (round {round}),", TestContext.Current.CancellationToken);
            queue.Count.Should().Be(1);
            queue.TryEnqueue(int.MinValue, NoWait).Should().BeFalse($"in round {round} the queue of one slot holds the waiting call's item");
        }

        queue.Dequeue().Should().Be(rounds - 1);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_a_Dequeue_just_as_an_item_arrives_neither_loses_nor_duplicates_it()
    {
        var queue = new BoundedQueue<int>(1);
        int delivered = 0;
        int cancelledWithItemLeft = 0;
        int rounds = TestEffort.Rounds(1_000);
        for (int round = 0; round < rounds; round++)
        {
            using var cancellation = new CancellationTokenSource();
            (Thread consumer, Task<int> taken) = TestThreads.Start("Dequeue", () => queue.Dequeue(cancellation.Token));
            if (round % 2 == 0)
            {
                TestThreads.WaitUntilBlocked(consumer);
            }

            // Race the item against the cancellation.
            (_, Task<bool> cancel) = TestThreads.Start("Cancel", () => cancellation.Cancel());
            queue.Enqueue(round);
            await cancel.ShouldFinish("CancellationTokenSource.Cancel", TestContext.Current.CancellationToken);

            try
            {
                (await taken.ShouldFinish($"Dequeue racing a cancellation (round {round})", TestContext.Current.CancellationToken))
                    .Should().Be(round);
                delivered++;
                queue.Count.Should().Be(0, $"in round {round} the item was delivered, so it must have left the queue");
            }
            catch (OperationCanceledException)
            {
                cancelledWithItemLeft++;
                queue.TryDequeue(out int left, NoWait).Should().BeTrue($"in round {round} the Dequeue was cancelled, so the item must still be there");
                left.Should().Be(round);
            }
        }

        (delivered + cancelledWithItemLeft).Should().Be(rounds);
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_an_Enqueue_just_as_room_appears_neither_loses_nor_duplicates_its_item()
    {
        var queue = new BoundedQueue<int>(1);
        int rounds = TestEffort.Rounds(1_000);
        for (int round = 0; round < rounds; round++)
        {
            queue.Enqueue(-1);
            using var cancellation = new CancellationTokenSource();
            (Thread producer, Task<bool> added) = TestThreads.Start("Enqueue", () => queue.Enqueue(round, cancellation.Token));
            if (round % 2 == 0)
            {
                TestThreads.WaitUntilBlocked(producer);
            }

            (_, Task<bool> cancel) = TestThreads.Start("Cancel", () => cancellation.Cancel());
            queue.Dequeue().Should().Be(-1);
            await cancel.ShouldFinish("CancellationTokenSource.Cancel", TestContext.Current.CancellationToken);

            await added.ShouldHaveAddedExactlyIfItReturned(queue, round, $"Enqueue racing a cancellation (round {round})", TestContext.Current.CancellationToken);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_a_DequeueAsync_just_as_an_item_arrives_neither_loses_nor_duplicates_it()
    {
        var queue = new BoundedQueue<int>(1);
        int rounds = TestEffort.Rounds(1_000);
        for (int round = 0; round < rounds; round++)
        {
            using var cancellation = new CancellationTokenSource();
            Task<int> taken = queue.DequeueAsync(cancellation.Token).AsTask();
            await RaceAsync(() => queue.Enqueue(round), cancellation, round);

            try
            {
                (await taken.ShouldFinish($"DequeueAsync racing a cancellation (round {round})", TestContext.Current.CancellationToken))
                    .Should().Be(round);
                queue.Count.Should().Be(0, $"in round {round} the item was delivered, so it must have left the queue");
            }
            catch (OperationCanceledException)
            {
                queue.TryDequeue(out int left, NoWait).Should().BeTrue($"in round {round} the DequeueAsync was cancelled, so the item must still be there");
                left.Should().Be(round);
            }
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Cancelling_an_EnqueueAsync_just_as_room_appears_neither_loses_nor_duplicates_its_item()
    {
        var queue = new BoundedQueue<int>(1);
        int rounds = TestEffort.Rounds(1_000);
        for (int round = 0; round < rounds; round++)
        {
            queue.Enqueue(-1);
            using var cancellation = new CancellationTokenSource();
            Task added = queue.EnqueueAsync(round, cancellation.Token).AsTask();
            await RaceAsync(() => queue.Dequeue().Should().Be(-1), cancellation, round);

            await added.ShouldHaveAddedExactlyIfItReturned(queue, round, $"EnqueueAsync racing a cancellation (round {round})", TestContext.Current.CancellationToken);
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Dequeue")]
    [InlineData("DequeueAsync")]
    [InlineData("Enqueue")]
    [InlineData("EnqueueAsync")]
    public async Task CompleteAdding_racing_a_call_that_is_about_to_wait_always_ends_it_with_InvalidOperationException(string call)
    {
        bool producer = call.StartsWith("Enqueue", StringComparison.Ordinal);
        bool async = call.EndsWith("Async", StringComparison.Ordinal);
        int rounds = TestEffort.Rounds(1_000);
        for (int round = 0; round < rounds; round++)
        {
            // The call has to wait, unless adding is complete.
            BoundedQueue<int> queue = QueueThatMakesItWait(producer);

            // Both sides start together, and the completer lags a little more each round, so that CompleteAdding
            // lands at every point of the call's way into its wait. A blocking call starts on a thread of its own.
            int atStartLine = 0;
            int lag = round % 64 * 8;
            int item = round;
            (_, Task<bool> completed) = TestThreads.Start("CompleteAdding", () =>
            {
                StartTogether(ref atStartLine);
                Thread.SpinWait(lag);
                queue.CompleteAdding();
            });
            Task waiter;
            if (async)
            {
                StartTogether(ref atStartLine);
                waiter = producer ? queue.EnqueueAsync(item).AsTask() : queue.DequeueAsync().AsTask();
            }
            else
            {
                (_, waiter) = TestThreads.Start(call, () =>
                {
                    StartTogether(ref atStartLine);
                    if (producer)
                    {
                        queue.Enqueue(item);
                    }
                    else
                    {
                        queue.Dequeue();
                    }
                });
            }

            await completed.ShouldFinish("CompleteAdding", TestContext.Current.CancellationToken);
            Func<Task> wait = () => waiter.ShouldFinish($"{call} racing CompleteAdding (round {round})", TestContext.Current.CancellationToken);
            await wait.Should().ThrowAsync<InvalidOperationException>(
                $"in round {round} the queue was {(producer ? "full" : "empty")} and adding was completed, so {call} can neither succeed nor wait forever");
            queue.Count.Should().Be(producer ? 1 : 0);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Four_producers_and_four_consumers_move_a_million_items_exactly_once_and_in_order_despite_random_cancellations()
    {
        // A chaos thread keeps cancelling a shared token; one call in eight waits on it.
        await BoundedQueueStress.MoveEveryItemExactlyOnceAndInOrder(
            producers: 4, consumers: 4, perProducer: 250_000, capacity: 16, chaos: true, TestContext.Current.CancellationToken);
    }

    // Starts a Dequeue that has to wait: on a thread of its own, or as a DequeueAsync.
    private static Task<int> StartDequeue(BoundedQueue<int> queue, bool async, string what, CancellationToken cancellationToken)
    {
        if (async)
        {
            return queue.DequeueAsync(cancellationToken).AsTask();
        }

        (Thread thread, Task<int> taken) = TestThreads.Start(what, () => queue.Dequeue(cancellationToken));
        TestThreads.WaitUntilBlocked(thread);
        return taken;
    }

    // Starts an Enqueue that has to wait: on a thread of its own, or as an EnqueueAsync.
    private static Task StartEnqueue(BoundedQueue<int> queue, int item, bool async, string what, CancellationToken cancellationToken)
    {
        if (async)
        {
            return queue.EnqueueAsync(item, cancellationToken).AsTask();
        }

        (Thread thread, Task<bool> added) = TestThreads.Start(what, () => queue.Enqueue(item, cancellationToken));
        TestThreads.WaitUntilBlocked(thread);
        return added;
    }

    // Races a change that wakes the waiting call against the cancellation of its token: in even rounds the change
    // comes first and the cancellation right after it, in odd rounds the two run at once on two threads.
    private static async Task RaceAsync(Action wake, CancellationTokenSource cancellation, int round)
    {
        if (round % 2 == 0)
        {
            wake();
            await cancellation.CancelAsync();
            return;
        }

        (_, Task<bool> cancel) = TestThreads.Start("Cancel", cancellation.Cancel);
        wake();
        await cancel.ShouldFinish("CancellationTokenSource.Cancel", TestContext.Current.CancellationToken);
    }

    // Both threads spin at the start line until the other arrives.
    private static void StartTogether(ref int atStartLine)
    {
        Interlocked.Increment(ref atStartLine);
        while (Volatile.Read(ref atStartLine) < 2)
        {
            Thread.SpinWait(1);
        }
    }
}
