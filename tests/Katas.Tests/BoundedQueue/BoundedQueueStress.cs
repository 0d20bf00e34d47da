using System.Collections.Concurrent;

namespace Katas.Tests;

/// <summary>Producers and consumers on threads of their own moving numbered items through one queue, with exact accounting.</summary>
internal static class BoundedQueueStress
{
    /// <summary>
    /// Moves <paramref name="perProducer"/> numbered items from each of <paramref name="producers"/> threads through a
    /// queue of <paramref name="capacity"/> to <paramref name="consumers"/> threads, then checks that every item was
    /// delivered exactly once and that each consumer saw each producer's items in the order they were produced.
    /// With <paramref name="chaos"/>, one call in eight waits on a token that a chaos thread keeps cancelling: a
    /// cancelled Enqueue offers the same item again, a cancelled TryDequeue tries again.
    /// </summary>
    /// <param name="producers">How many producer threads.</param>
    /// <param name="consumers">How many consumer threads.</param>
    /// <param name="perProducer">How many items each producer adds.</param>
    /// <param name="capacity">The queue's capacity.</param>
    /// <param name="chaos">Whether calls are cancelled at random.</param>
    /// <param name="testToken">The test's token.</param>
    /// <returns>A task that completes when every item has been moved and checked.</returns>
    public static async Task MoveEveryItemExactlyOnceAndInOrder(int producers, int consumers, int perProducer, int capacity, bool chaos, CancellationToken testToken)
    {
        var queue = new BoundedQueue<int>(capacity);
        var deliveries = new int[producers * perProducer];
        var outOfOrder = new ConcurrentQueue<string>();
        int cancelledEnqueues = 0;
        int cancelledDequeues = 0;

        using var chaosSource = new BoundedQueueChaos();
        Task<bool> chaosThread = chaos ? TestThreads.Start("chaos", chaosSource.Run).Finished : Task.FromResult(true);

        var producerThreads = Enumerable.Range(0, producers).Select(producer => TestThreads.Start($"producer {producer}", () =>
        {
            var random = new Random(producer);
            for (int sequence = 0; sequence < perProducer; sequence++)
            {
                int item = (producer * perProducer) + sequence;
                while (true)
                {
                    try
                    {
                        queue.Enqueue(item, chaos && random.Next(8) == 0 ? chaosSource.Token : testToken);
                        break;
                    }
                    catch (OperationCanceledException) when (!testToken.IsCancellationRequested)
                    {
                        // A cancelled Enqueue added nothing: offer the same item again, keeping this producer's order.
                        Interlocked.Increment(ref cancelledEnqueues);
                    }
                }
            }
        })).ToList();

        var consumerThreads = Enumerable.Range(0, consumers).Select(consumer => TestThreads.Start($"consumer {consumer}", () =>
        {
            var random = new Random(100 + consumer);
            var lastSequence = new int[producers];
            Array.Fill(lastSequence, -1);
            while (true)
            {
                int item;
                try
                {
                    if (!queue.TryDequeue(out item, Timeout.InfiniteTimeSpan, chaos && random.Next(8) == 0 ? chaosSource.Token : testToken))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!testToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref cancelledDequeues);
                    continue;
                }

                Interlocked.Increment(ref deliveries[item]);
                int producer = item / perProducer;
                int sequence = item % perProducer;
                if (sequence <= lastSequence[producer])
                {
                    outOfOrder.Enqueue($"consumer {consumer} took item {sequence} of producer {producer} after item {lastSequence[producer]}");
                }

                lastSequence[producer] = sequence;
            }
        })).ToList();

        await Task.WhenAll(producerThreads.Select(p => p.Finished))
            .ShouldFinish($"{producers} producers moving {producers * perProducer:N0} items through {capacity} slots", testToken);
        queue.CompleteAdding();
        await Task.WhenAll(consumerThreads.Select(c => c.Finished))
            .ShouldFinish($"{consumers} consumers draining the completed queue", testToken);
        chaosSource.Stop();
        await chaosThread.ShouldFinish("The chaos thread", testToken);

        outOfOrder.Should().BeEmpty("each consumer sees each producer's items in the order they were produced");
        Enumerable.Range(0, deliveries.Length).Where(item => deliveries[item] != 1).Take(10)
            .Select(item => $"item {item % perProducer} of producer {item / perProducer} delivered {deliveries[item]} times")
            .Should().BeEmpty("every item is delivered exactly once, cancellations or not");
        if (chaos)
        {
            (cancelledEnqueues + cancelledDequeues).Should().BePositive("the test must really have cancelled some calls");
        }

        queue.Count.Should().Be(0);
        queue.IsCompleted.Should().BeTrue();
    }
}
