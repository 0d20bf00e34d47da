// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (BoundedQueueThreads), or get the test's token.
#pragma warning disable xUnit1051

namespace Katas.Tests;

/// <summary>The second level of the bounded-queue kata: <c>EnqueueAsync</c> and <c>DequeueAsync</c>.</summary>
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
}
