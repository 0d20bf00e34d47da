// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (BoundedQueueThreads), or get the test's token.
#pragma warning disable xUnit1051

namespace Katas.Tests;

/// <summary>
/// Who wakes whom: a wake-up that a cancelled waiter must not swallow, one that arrives for a waiter that a
/// faster caller has beaten to the item, a waker that must not run the woken call's code, and the races of a
/// wait with a cancellation and with <c>CompleteAdding</c>.
/// </summary>
public sealed class BoundedQueueWakeUpTests
{
    // The item that fills the one slot of a queue on which a producer has to wait.
    private const int Filler = -1;

    private static readonly TimeSpan NoWait = TimeSpan.Zero;

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
            PauseForThePoolThreads();
            queue.Enqueue(round);

            // The wake-up is on its way to the waiting call; take the item first, as a consumer on another core could.
            if (queue.TryDequeue(out int first, NoWait))
            {
                first.Should().Be(round);
                PauseForThePoolThreads();
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
            PauseForThePoolThreads();
            queue.Dequeue().Should().Be(round - 1);

            // The wake-up is on its way to the waiting call; fill the room first, as a producer on another core could.
            if (queue.TryEnqueue(-round - 2, NoWait))
            {
                PauseForThePoolThreads();
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

    [Fact(Timeout = 30_000)]
    public async Task A_wake_up_never_runs_the_woken_call_on_the_wakers_thread()
    {
        // A waker holds whatever it holds (a lock, a request thread) while it wakes: running the woken call's
        // continuation inline would make a producer wait for a consumer's work, or deadlock on the queue's lock.
        var queue = new BoundedQueue<int>(1);
        int consumerThread = 0;
        Task<int> consumer = ConsumeOne();
        consumer.IsCompleted.Should().BeFalse("the queue is empty");
        (Thread producer, Task<bool> produced) = TestThreads.Start("Enqueue waking a DequeueAsync", () => queue.Enqueue(7));
        await produced.ShouldFinish("Enqueue waking a DequeueAsync", TestContext.Current.CancellationToken);
        (await consumer.ShouldFinish("DequeueAsync, after an item arrived,", TestContext.Current.CancellationToken)).Should().Be(7);
        consumerThread.Should().NotBe(producer.ManagedThreadId, "the consumer's continuation must not run on the producer's thread");

        queue.Enqueue(8);
        int producerThread = 0;
        Task waitingProducer = ProduceOne(9);
        waitingProducer.IsCompleted.Should().BeFalse("the queue is full");
        (Thread consumerOfEight, Task<int> consumed) = TestThreads.Start("Dequeue waking an EnqueueAsync", () => queue.Dequeue());
        (await consumed.ShouldFinish("Dequeue waking an EnqueueAsync", TestContext.Current.CancellationToken)).Should().Be(8);
        await waitingProducer.ShouldFinish("EnqueueAsync, after room appeared,", TestContext.Current.CancellationToken);
        producerThread.Should().NotBe(consumerOfEight.ManagedThreadId, "the producer's continuation must not run on the consumer's thread");
        queue.Dequeue().Should().Be(9);

        async Task<int> ConsumeOne()
        {
            int item = await queue.DequeueAsync().ConfigureAwait(false);
            consumerThread = Environment.CurrentManagedThreadId;
            return item;
        }

        async Task ProduceOne(int item)
        {
            await queue.EnqueueAsync(item).ConfigureAwait(false);
            producerThread = Environment.CurrentManagedThreadId;
        }
    }

    [Theory(Timeout = 30_000)]
    [InlineData("DequeueAsync")]
    [InlineData("EnqueueAsync")]
    public async Task A_woken_async_call_does_not_resume_on_the_callers_synchronization_context(string call)
    {
        bool producer = call == "EnqueueAsync";
        BoundedQueue<int> queue = QueueThatMakesItWait(producer);

        var context = new RecordingSynchronizationContext();
        (_, Task<Task> started) = TestThreads.Start($"{call} called under a UI-like synchronization context", () =>
        {
            SynchronizationContext.SetSynchronizationContext(context);
            return producer ? queue.EnqueueAsync(2).AsTask() : queue.DequeueAsync().AsTask();
        });
        Task waiting = await started.ShouldFinish($"calling {call}", TestContext.Current.CancellationToken);
        waiting.IsCompleted.Should().BeFalse(producer ? "the queue is full" : "the queue is empty");

        GiveWhatItWaitsFor(queue, producer, item: 5);

        await waiting.ShouldFinish($"{call}, once woken,", TestContext.Current.CancellationToken);
        context.Posts.Should().Be(
            0,
            "the queue's own awaits must not resume on the caller's context (await ... ConfigureAwait(false)): a UI thread blocked on this call would wait forever for a continuation queued to itself");
        (await DeliveredBy(waiting, queue, producer))
            .Should().Be(producer ? 2 : 5, producer ? "the woken EnqueueAsync added its item" : "the woken DequeueAsync took the item that arrived");
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

    // A one-slot queue on which the call has to wait: full (holding Filler) for a producer, empty for a consumer.
    private static BoundedQueue<int> QueueThatMakesItWait(bool producer)
    {
        var queue = new BoundedQueue<int>(1);
        if (producer)
        {
            queue.Enqueue(Filler);
        }

        return queue;
    }

    // Gives a call waiting on QueueThatMakesItWait what it waits for: room (the filler taken out) or an item.
    private static void GiveWhatItWaitsFor(BoundedQueue<int> queue, bool producer, int item)
    {
        if (producer)
        {
            queue.Dequeue().Should().Be(Filler);
        }
        else
        {
            queue.Enqueue(item);
        }
    }

    // What a woken call that has finished delivered: a producer's item, taken back out, or the item a consumer took.
    private static async Task<int> DeliveredBy(Task call, BoundedQueue<int> queue, bool producer) =>
        producer ? queue.Dequeue() : await (Task<int>)call;

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

    // A thread-pool thread that has just run a continuation spins a while looking for more work, and would run
    // the next wake-up's continuation before the test's very next call could get in first; a millisecond lets
    // it park, so that the test wins that race. After the test has won it, a millisecond lets the woken call
    // run and show what it does about it. The pauses only make the interleaving likely; no result depends on time.
    private static void PauseForThePoolThreads() => Thread.Sleep(1);

    // Both threads spin at the start line until the other arrives.
    private static void StartTogether(ref int atStartLine)
    {
        Interlocked.Increment(ref atStartLine);
        while (Volatile.Read(ref atStartLine) < 2)
        {
            Thread.SpinWait(1);
        }
    }

    /// <summary>
    /// A synchronization context like a UI thread's, except that it counts what is posted to it and runs it on
    /// the thread pool, so that a continuation sent back to the caller is seen rather than left hanging.
    /// </summary>
    private sealed class RecordingSynchronizationContext : SynchronizationContext
    {
        private int _posts;

        /// <summary>Gets how many callbacks have been posted or sent to this context.</summary>
        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            d(state);
        }

        public override SynchronizationContext CreateCopy() => this;
    }
}
