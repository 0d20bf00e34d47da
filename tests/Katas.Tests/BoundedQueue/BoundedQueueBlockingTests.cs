// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (TestThreads.ShouldFinish), or get the test's token.
#pragma warning disable xUnit1051

using static Katas.Tests.BoundedQueueThreads;

namespace Katas.Tests;

/// <summary>
/// Stage 3 of the bounded queue: blocking producers and consumers. A full queue makes Enqueue wait and an
/// empty one Dequeue, until another thread makes room or adds an item, cancels the wait, or completes adding.
/// Every test that can block runs the blocking call on its own thread and waits for it with a bound, so that
/// a deadlock fails with a message.
/// </summary>
[Stage(3)]
public sealed class BoundedQueueBlockingTests
{
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
}
