using System.Runtime.CompilerServices;

// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (BoundedQueueThreads), or get the test's token.
#pragma warning disable xUnit1051

namespace Katas.Tests;

/// <summary>
/// The contract of the bounded-queue kata, with the blocking methods. Every test that can block runs the
/// blocking call on its own thread and waits with a bound, so a deadlock fails with a message.
/// </summary>
public sealed class BoundedQueueTests
{
    private static readonly TimeSpan NoWait = TimeSpan.Zero;

    [Fact]
    public void A_new_queue_is_empty_and_reports_its_capacity()
    {
        var queue = new BoundedQueue<int>(3);

        queue.Capacity.Should().Be(3);
        queue.Count.Should().Be(0);
        queue.IsAddingCompleted.Should().BeFalse();
        queue.IsCompleted.Should().BeFalse();
        queue.TryDequeue(out _, NoWait).Should().BeFalse();
    }

    [Fact]
    public void Items_come_out_in_the_order_they_went_in_also_across_the_wrap_around()
    {
        var queue = new BoundedQueue<int>(3);
        var taken = new List<int>();
        int next = 0;

        for (int round = 0; round < 10; round++)
        {
            queue.Enqueue(next++);
            queue.Enqueue(next++);
            taken.Add(queue.Dequeue());
            queue.Enqueue(next++);
            taken.Add(queue.Dequeue());
            taken.Add(queue.Dequeue());
        }

        taken.Should().Equal(Enumerable.Range(0, 30));
        queue.Count.Should().Be(0);
    }

    [Fact]
    public void Count_follows_enqueues_and_dequeues()
    {
        var queue = new BoundedQueue<string>(4);

        queue.Enqueue("a");
        queue.Enqueue("b");
        queue.Count.Should().Be(2);
        queue.TryEnqueue("c", NoWait).Should().BeTrue();
        queue.TryEnqueue("d", NoWait).Should().BeTrue();
        queue.Count.Should().Be(4);
        queue.Dequeue().Should().Be("a");
        queue.Count.Should().Be(3);
    }

    [Fact]
    public void Null_and_default_items_are_stored_like_any_other()
    {
        var queue = new BoundedQueue<string?>(2);

        queue.Enqueue(null);
        queue.Enqueue(string.Empty);

        queue.Count.Should().Be(2);
        queue.Dequeue().Should().BeNull();
        queue.TryDequeue(out string? second, NoWait).Should().BeTrue();
        second.Should().BeEmpty();
    }

    [Fact]
    public void Capacity_one_holds_one_item_at_a_time()
    {
        var queue = new BoundedQueue<int>(1);

        queue.TryEnqueue(1, NoWait).Should().BeTrue();
        queue.TryEnqueue(2, NoWait).Should().BeFalse();
        queue.Dequeue().Should().Be(1);
        queue.TryEnqueue(3, NoWait).Should().BeTrue();
        queue.Dequeue().Should().Be(3);
        queue.TryDequeue(out _, NoWait).Should().BeFalse();
    }

    [Fact]
    public void TryEnqueue_without_waiting_on_a_full_queue_returns_false_and_changes_nothing()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);
        queue.Enqueue(2);

        queue.TryEnqueue(3, NoWait).Should().BeFalse();

        queue.Count.Should().Be(2);
        queue.Dequeue().Should().Be(1);
        queue.Dequeue().Should().Be(2);
        queue.TryDequeue(out _, NoWait).Should().BeFalse("the refused item was never added");
    }

    [Fact]
    public void TryDequeue_without_waiting_on_an_empty_queue_returns_false()
    {
        var queue = new BoundedQueue<int>(2);

        queue.TryDequeue(out int item, NoWait).Should().BeFalse();

        item.Should().Be(0);
        queue.Count.Should().Be(0);
    }

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

    [Fact(Timeout = 30_000)]
    public async Task A_producer_blocked_on_a_full_queue_is_released_when_a_consumer_takes_an_item()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);
        queue.Enqueue(2);

        (Thread producer, Task<bool> added) = TestThreads.Start("Enqueue(3) on a full queue", () => queue.Enqueue(3));
        added.ShouldStillBeBlocked(producer, "Enqueue on a full queue");
        queue.Dequeue().Should().Be(1);

        await added.ShouldFinish("Enqueue, after a consumer made room,", TestContext.Current.CancellationToken);
        queue.Dequeue().Should().Be(2);
        queue.Dequeue().Should().Be(3);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_consumer_blocked_on_an_empty_queue_is_released_when_a_producer_adds_an_item()
    {
        var queue = new BoundedQueue<int>(2);

        (Thread consumer, Task<int> taken) = TestThreads.Start("Dequeue on an empty queue", () => queue.Dequeue());
        taken.ShouldStillBeBlocked(consumer, "Dequeue on an empty queue");
        queue.Enqueue(42);

        (await taken.ShouldFinish("Dequeue, after a producer added an item,", TestContext.Current.CancellationToken)).Should().Be(42);
        queue.Count.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_waiting_TryDequeue_takes_an_item_that_arrives_before_its_timeout()
    {
        var queue = new BoundedQueue<int>(2);

        (Thread consumer, Task<(bool, int)> taken) = TestThreads.Start("TryDequeue with a long timeout", () =>
        {
            bool ok = queue.TryDequeue(out int item, TimeSpan.FromMinutes(1));
            return (ok, item);
        });
        TestThreads.WaitUntilBlocked(consumer);
        queue.Enqueue(7);

        (await taken.ShouldFinish("TryDequeue, after a producer added an item,", TestContext.Current.CancellationToken)).Should().Be((true, 7));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_waiting_TryEnqueue_adds_its_item_when_room_appears_before_its_timeout()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);

        (Thread producer, Task<bool> added) = TestThreads.Start("TryEnqueue with a long timeout", () => queue.TryEnqueue(2, Timeout.InfiniteTimeSpan));
        TestThreads.WaitUntilBlocked(producer);
        queue.Dequeue().Should().Be(1);

        (await added.ShouldFinish("TryEnqueue, after a consumer made room,", TestContext.Current.CancellationToken)).Should().BeTrue();
        queue.Dequeue().Should().Be(2);
    }

    [Fact(Timeout = 30_000)]
    public async Task Each_of_several_blocked_consumers_is_released_by_one_item()
    {
        var queue = new BoundedQueue<int>(4);
        var consumers = Enumerable.Range(0, 3)
            .Select(i => TestThreads.Start($"consumer {i}", () => queue.Dequeue()))
            .ToList();
        foreach ((Thread thread, _) in consumers)
        {
            TestThreads.WaitUntilBlocked(thread);
        }

        queue.Enqueue(10);
        queue.Enqueue(20);
        queue.Enqueue(30);

        int[] taken = await Task.WhenAll(consumers.Select(c => c.Finished)).ShouldFinish("Three Dequeues released by three Enqueues", TestContext.Current.CancellationToken);
        taken.Should().BeEquivalentTo([10, 20, 30], "every item goes to exactly one consumer");
        queue.Count.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task Each_of_several_blocked_producers_is_released_by_one_dequeue()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(0);
        var producers = Enumerable.Range(1, 3)
            .Select(i => TestThreads.Start($"producer {i}", () => queue.Enqueue(i)))
            .ToList();
        foreach ((Thread thread, _) in producers)
        {
            TestThreads.WaitUntilBlocked(thread);
        }

        var taken = new List<int>();
        for (int i = 0; i < 4; i++)
        {
            (_, Task<int> next) = TestThreads.Start("Dequeue", () => queue.Dequeue());
            taken.Add(await next.ShouldFinish($"Dequeue number {i + 1} of 4", TestContext.Current.CancellationToken));
        }

        await Task.WhenAll(producers.Select(p => p.Finished)).ShouldFinish("Three Enqueues released by Dequeues", TestContext.Current.CancellationToken);
        taken.Should().BeEquivalentTo([0, 1, 2, 3]);
        taken[0].Should().Be(0, "the item that was there first comes out first");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_blocking_Enqueue_leaves_its_item_out()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);
        using var cancellation = new CancellationTokenSource();

        (Thread producer, Task<bool> added) = TestThreads.Start("Enqueue(2) on a full queue", () => queue.Enqueue(2, cancellation.Token));
        added.ShouldStillBeBlocked(producer, "Enqueue on a full queue");
        await cancellation.CancelAsync();

        Func<Task> wait = () => added.ShouldFinish("Enqueue, after its token was cancelled,", TestContext.Current.CancellationToken);
        await wait.Should().ThrowAsync<OperationCanceledException>();
        queue.Dequeue().Should().Be(1);
        queue.TryDequeue(out _, NoWait).Should().BeFalse("the cancelled item must not have been added");
        queue.Count.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_blocking_Dequeue_takes_nothing()
    {
        var queue = new BoundedQueue<int>(1);
        using var cancellation = new CancellationTokenSource();

        (Thread consumer, Task<int> taken) = TestThreads.Start("Dequeue on an empty queue", () => queue.Dequeue(cancellation.Token));
        taken.ShouldStillBeBlocked(consumer, "Dequeue on an empty queue");
        await cancellation.CancelAsync();

        Func<Task> wait = () => taken.ShouldFinish("Dequeue, after its token was cancelled,", TestContext.Current.CancellationToken);
        await wait.Should().ThrowAsync<OperationCanceledException>();
        queue.Enqueue(5);
        queue.TryDequeue(out int item, NoWait).Should().BeTrue("the cancelled Dequeue must not take the next item");
        item.Should().Be(5);
    }

    [Fact]
    public void A_token_cancelled_before_the_call_makes_it_throw_and_change_nothing()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        CancellationToken cancelled = cancellation.Token;

        ((Action)(() => queue.Enqueue(2, cancelled))).Should().Throw<OperationCanceledException>();
        ((Action)(() => queue.TryEnqueue(2, NoWait, cancelled))).Should().Throw<OperationCanceledException>();
        ((Action)(() => queue.Dequeue(cancelled))).Should().Throw<OperationCanceledException>();
        ((Action)(() => queue.TryDequeue(out _, NoWait, cancelled))).Should().Throw<OperationCanceledException>();

        queue.Count.Should().Be(1);
        queue.Dequeue().Should().Be(1);
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

    [Fact]
    public async Task Enqueue_after_CompleteAdding_throws_InvalidOperationException()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);

        queue.CompleteAdding();

        queue.IsAddingCompleted.Should().BeTrue();
        ((Action)(() => queue.Enqueue(2))).Should().Throw<InvalidOperationException>();
        ((Action)(() => queue.TryEnqueue(2, NoWait))).Should().Throw<InvalidOperationException>();
        Func<Task> enqueueAsync = async () => await queue.EnqueueAsync(2);
        await enqueueAsync.Should().ThrowAsync<InvalidOperationException>();
        queue.Count.Should().Be(1);
    }

    [Fact]
    public void Consumers_take_what_is_left_after_CompleteAdding_and_then_learn_the_queue_is_finished()
    {
        var queue = new BoundedQueue<int>(3);
        queue.Enqueue(1);
        queue.Enqueue(2);

        queue.CompleteAdding();

        queue.IsCompleted.Should().BeFalse("two items are still to be taken");
        queue.Dequeue().Should().Be(1);
        queue.TryDequeue(out int second, Timeout.InfiniteTimeSpan).Should().BeTrue();
        second.Should().Be(2);
        queue.IsCompleted.Should().BeTrue();
        queue.TryDequeue(out _, Timeout.InfiniteTimeSpan).Should().BeFalse("no item will ever come, so even an infinite wait ends");
        ((Action)(() => queue.Dequeue())).Should().Throw<InvalidOperationException>();
    }

    [Fact(Timeout = 30_000)]
    public async Task CompleteAdding_releases_consumers_blocked_on_an_empty_queue()
    {
        var queue = new BoundedQueue<int>(2);
        (Thread dequeuer, Task<int> dequeued) = TestThreads.Start("Dequeue", () => queue.Dequeue());
        (Thread tryDequeuer, Task<bool> tried) = TestThreads.Start("TryDequeue", () => queue.TryDequeue(out _, Timeout.InfiniteTimeSpan));
        dequeued.ShouldStillBeBlocked(dequeuer, "Dequeue on an empty queue");
        tried.ShouldStillBeBlocked(tryDequeuer, "TryDequeue on an empty queue");

        queue.CompleteAdding();

        Func<Task> dequeue = () => dequeued.ShouldFinish("Dequeue, after CompleteAdding,", TestContext.Current.CancellationToken);
        await dequeue.Should().ThrowAsync<InvalidOperationException>();
        (await tried.ShouldFinish("TryDequeue, after CompleteAdding,", TestContext.Current.CancellationToken)).Should().BeFalse();
    }

    [Fact(Timeout = 30_000)]
    public async Task CompleteAdding_releases_producers_blocked_on_a_full_queue_with_InvalidOperationException()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);
        (Thread producer, Task<bool> added) = TestThreads.Start("Enqueue(2)", () => queue.Enqueue(2));
        added.ShouldStillBeBlocked(producer, "Enqueue on a full queue");

        queue.CompleteAdding();

        Func<Task> wait = () => added.ShouldFinish("Enqueue, after CompleteAdding,", TestContext.Current.CancellationToken);
        await wait.Should().ThrowAsync<InvalidOperationException>();
        queue.Dequeue().Should().Be(1);
        queue.IsCompleted.Should().BeTrue("the blocked item was refused, not added");
    }

    [Fact]
    public void CompleteAdding_twice_is_harmless()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);

        queue.CompleteAdding();
        queue.CompleteAdding();

        queue.Dequeue().Should().Be(1);
        queue.IsCompleted.Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_capacity_below_one_is_rejected(int capacity)
    {
        Action create = () => _ = new BoundedQueue<int>(capacity);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }

    public static TheoryData<TimeSpan> BadTimeouts => new()
    {
        TimeSpan.FromMilliseconds(-2),
        TimeSpan.MinValue,
        TimeSpan.FromMilliseconds((double)int.MaxValue + 1),
        TimeSpan.MaxValue,
    };

    [Theory]
    [MemberData(nameof(BadTimeouts))]
    public void A_negative_or_too_long_timeout_is_rejected_and_changes_nothing(TimeSpan timeout)
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);

        ((Action)(() => queue.TryEnqueue(2, timeout))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timeout");
        ((Action)(() => queue.TryDequeue(out _, timeout))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timeout");

        queue.Count.Should().Be(1);
    }

    public static TheoryData<TimeSpan> LongestGoodTimeouts => new()
    {
        Timeout.InfiniteTimeSpan,
        TimeSpan.FromMilliseconds(int.MaxValue),
    };

    [Theory]
    [MemberData(nameof(LongestGoodTimeouts))]
    public void An_infinite_timeout_and_the_longest_finite_one_are_accepted(TimeSpan timeout)
    {
        var queue = new BoundedQueue<int>(2);

        queue.TryEnqueue(1, timeout).Should().BeTrue();
        queue.TryDequeue(out int item, timeout).Should().BeTrue();
        item.Should().Be(1);
    }

    [Fact]
    public void Enqueue_and_Dequeue_allocate_nothing_per_item()
    {
        var queue = new BoundedQueue<int>(64);
        for (int i = 0; i < 1_000; i++)
        {
            queue.Enqueue(i);
            queue.Dequeue();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < 10_000; i++)
        {
            queue.Enqueue(i);
            queue.TryEnqueue(i, NoWait);
            sum += queue.Dequeue();
            queue.TryDequeue(out int item, NoWait);
            sum += item;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "a queue that does not have to wait reuses its storage");
        sum.Should().Be(2L * 9_999 * 10_000 / 2);
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
}
