// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (TestThreads.ShouldFinish), or get the test's token.
#pragma warning disable xUnit1051

using System.Runtime.CompilerServices;
using static Katas.Tests.BoundedQueueThreads;

namespace Katas.Tests;

/// <summary>
/// Stage 4 of the bounded queue: EnqueueAsync and DequeueAsync, the same waits without blocking a thread. A
/// waiting call holds no thread, is cancelled or ended by CompleteAdding like a blocking one, and its
/// continuation runs neither on the thread that woke it nor on the caller's synchronization context.
/// </summary>
[Stage(4)]
public sealed class BoundedQueueAsyncTests
{
    [Fact(Timeout = 30_000)]
    public async Task DequeueAsync_on_a_queue_with_items_returns_the_oldest()
    {
        var queue = new BoundedQueue<int>(2);
        await queue.EnqueueAsync(1, TestContext.Current.CancellationToken);
        await queue.EnqueueAsync(2, TestContext.Current.CancellationToken);

        (await queue.DequeueAsync(TestContext.Current.CancellationToken)).Should().Be(1);
        (await queue.DequeueAsync(TestContext.Current.CancellationToken)).Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task DequeueAsync_on_an_empty_queue_waits_for_an_item()
    {
        var queue = new BoundedQueue<int>(2);

        Task<int> pending = queue.DequeueAsync(TestContext.Current.CancellationToken).AsTask();
        pending.IsCompleted.Should().BeFalse("there is nothing to take yet");
        queue.Enqueue(9);

        (await pending.ShouldFinish("DequeueAsync, after a producer added an item,", TestContext.Current.CancellationToken)).Should().Be(9);
        queue.Count.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task EnqueueAsync_on_a_full_queue_waits_for_room()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);

        Task pending = queue.EnqueueAsync(2, TestContext.Current.CancellationToken).AsTask();
        pending.IsCompleted.Should().BeFalse("the queue is full");
        queue.Dequeue().Should().Be(1);

        await pending.ShouldFinish("EnqueueAsync, after a consumer made room,", TestContext.Current.CancellationToken);
        queue.Dequeue().Should().Be(2);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("DequeueAsync")]
    [InlineData("EnqueueAsync")]
    public async Task Waiting_async_calls_hold_no_thread_so_the_thread_pool_stays_free_for_other_work(string call)
    {
        // A call that parks a thread while it waits (a blocking wait inside Task.Run, say) holds a pool thread for as
        // long as it waits, and the pool adds threads only about two a second: 128 such calls keep a trivial work item
        // waiting for a minute. 128 waits that are truly asynchronous hold nothing, and the work item runs at once.
        const int Waiting = 128;
        bool producer = call == "EnqueueAsync";
        BoundedQueue<int> queue = QueueThatMakesItWait(producer);
        var waiting = Enumerable.Range(0, Waiting)
            .Select(item => producer ? queue.EnqueueAsync(item).AsTask() : queue.DequeueAsync().AsTask())
            .ToList();

        Task<bool> probe = Task.Run(() => true, TestContext.Current.CancellationToken);

        // Watched from this thread rather than awaited: on a starved pool the continuation of an await would wait too.
        bool ran = SpinWait.SpinUntil(() => probe.IsCompleted, TestThreads.Patience);
        bool allWaited = waiting.TrueForAll(task => !task.IsCompleted);

        // Release the waiting calls, parked threads and all, before judging.
        queue.CompleteAdding();
        ran.Should().BeTrue(
            $"{Waiting} {call} calls waiting on {(producer ? "a full" : "an empty")} queue must hold no thread, yet a trivial Task.Run work item had not run after {TestThreads.Patience.TotalSeconds:0} s: the waits starve the thread pool");
        allWaited.Should().BeTrue($"every {call} had to wait, the queue being {(producer ? "full" : "empty")}");
        Func<Task> finish = () => Task.WhenAll(waiting).ShouldFinish($"{Waiting} waiting {call} calls, after CompleteAdding,", TestContext.Current.CancellationToken);
        await finish.Should().ThrowAsync<InvalidOperationException>();
        waiting.Should().OnlyContain(task => task.Exception!.InnerException is InvalidOperationException, "CompleteAdding ends every waiting call");
        queue.Count.Should().Be(producer ? 1 : 0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancelling_a_waiting_DequeueAsync_takes_nothing()
    {
        var queue = new BoundedQueue<int>(1);
        using var cancellation = new CancellationTokenSource();

        Task<int> pending = queue.DequeueAsync(cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        Func<Task> wait = () => pending.ShouldFinish("DequeueAsync, after its token was cancelled,", TestContext.Current.CancellationToken);
        await wait.Should().ThrowAsync<OperationCanceledException>();
        queue.Enqueue(3);
        queue.TryDequeue(out int item, TimeSpan.Zero).Should().BeTrue("the cancelled DequeueAsync must not take the next item");
        item.Should().Be(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task Cancelling_a_waiting_EnqueueAsync_leaves_its_item_out()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);
        using var cancellation = new CancellationTokenSource();

        Task pending = queue.EnqueueAsync(2, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        Func<Task> wait = () => pending.ShouldFinish("EnqueueAsync, after its token was cancelled,", TestContext.Current.CancellationToken);
        await wait.Should().ThrowAsync<OperationCanceledException>();
        queue.Dequeue().Should().Be(1);
        queue.TryDequeue(out _, TimeSpan.Zero).Should().BeFalse("the cancelled item must not have been added");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_token_cancelled_before_the_async_call_makes_it_fail_and_change_nothing()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1, TestContext.Current.CancellationToken);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Func<Task> enqueue = async () => await queue.EnqueueAsync(2, cancellation.Token);
        Func<Task> dequeue = async () => await queue.DequeueAsync(cancellation.Token);
        await enqueue.Should().ThrowAsync<OperationCanceledException>();
        await dequeue.Should().ThrowAsync<OperationCanceledException>();

        queue.Count.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task EnqueueAsync_after_CompleteAdding_throws_InvalidOperationException()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);

        queue.CompleteAdding();

        Func<Task> enqueueAsync = async () => await queue.EnqueueAsync(2, TestContext.Current.CancellationToken);
        await enqueueAsync.Should().ThrowAsync<InvalidOperationException>();
        queue.Count.Should().Be(1);
    }

    [Fact(Timeout = 30_000)]
    public async Task CompleteAdding_ends_a_waiting_DequeueAsync_with_InvalidOperationException()
    {
        var queue = new BoundedQueue<int>(1);
        Task<int> pending = queue.DequeueAsync(TestContext.Current.CancellationToken).AsTask();

        queue.CompleteAdding();

        Func<Task> wait = () => pending.ShouldFinish("DequeueAsync, after CompleteAdding,", TestContext.Current.CancellationToken);
        await wait.Should().ThrowAsync<InvalidOperationException>();
        Func<Task> again = async () => await queue.DequeueAsync(TestContext.Current.CancellationToken);
        await again.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact(Timeout = 30_000)]
    public async Task CompleteAdding_ends_a_waiting_EnqueueAsync_with_InvalidOperationException()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);
        Task pending = queue.EnqueueAsync(2, TestContext.Current.CancellationToken).AsTask();

        queue.CompleteAdding();

        Func<Task> wait = () => pending.ShouldFinish("EnqueueAsync, after CompleteAdding,", TestContext.Current.CancellationToken);
        await wait.Should().ThrowAsync<InvalidOperationException>();
        (await queue.DequeueAsync(TestContext.Current.CancellationToken)).Should().Be(1);
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

    [Fact]
    public async Task A_taken_item_is_released_to_the_garbage_collector()
    {
        var queue = new BoundedQueue<object>(4);
        WeakReference[] added = [EnqueueNewObject(queue), EnqueueNewObject(queue), EnqueueNewObject(queue)];

        await TakeEachWayAndDrop(queue);

        CollectGarbage();
        added.Should().OnlyContain(item => !item.IsAlive, "the queue must not keep a reference to an item it has handed out, whichever call took it");
        queue.Count.Should().Be(0);
    }

    [Fact(Timeout = 60_000)]
    public async Task Async_and_blocking_producers_and_consumers_move_every_item_exactly_once()
    {
        const int PerProducer = 20_000;
        var queue = new BoundedQueue<int>(8);
        CancellationToken testToken = TestContext.Current.CancellationToken;
        var seen = new int[2 * PerProducer];

        Task asyncProducer = Task.Run(
            async () =>
            {
                for (int i = 0; i < PerProducer; i++)
                {
                    await queue.EnqueueAsync(i, testToken);
                }
            },
            testToken);
        (_, Task<bool> blockingProducer) = TestThreads.Start("blocking producer", () =>
        {
            for (int i = PerProducer; i < 2 * PerProducer; i++)
            {
                queue.Enqueue(i, testToken);
            }
        });
        Task asyncConsumer = Task.Run(
            async () =>
            {
                while (true)
                {
                    int item;
                    try
                    {
                        item = await queue.DequeueAsync(testToken);
                    }
                    catch (InvalidOperationException)
                    {
                        return;
                    }

                    Interlocked.Increment(ref seen[item]);
                }
            },
            testToken);
        (_, Task<bool> blockingConsumer) = TestThreads.Start("blocking consumer", () =>
        {
            while (queue.TryDequeue(out int item, Timeout.InfiniteTimeSpan, testToken))
            {
                Interlocked.Increment(ref seen[item]);
            }
        });

        await Task.WhenAll(asyncProducer, blockingProducer).ShouldFinish("Producers moving 40,000 items through 8 slots", testToken);
        queue.CompleteAdding();
        await Task.WhenAll(asyncConsumer, blockingConsumer).ShouldFinish("Consumers draining a completed queue", testToken);

        Enumerable.Range(0, seen.Length).Where(item => seen[item] != 1).Select(item => $"item {item} delivered {seen[item]} times")
            .Should().BeEmpty("every item is delivered exactly once");
    }

    // The helpers below are not inlined, so that no local of the test keeps an object alive by accident.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference EnqueueNewObject(BoundedQueue<object> queue)
    {
        var item = new object();
        queue.Enqueue(item);
        return new WeakReference(item);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task TakeEachWayAndDrop(BoundedQueue<object> queue)
    {
        queue.Dequeue();
        queue.TryDequeue(out _, NoWait).Should().BeTrue();
        await queue.DequeueAsync();
    }

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
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
