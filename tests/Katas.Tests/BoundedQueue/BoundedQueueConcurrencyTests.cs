// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (BoundedQueueThreads), or get the test's token.
#pragma warning disable xUnit1051

using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Thread-safety: a million items through four producers and four consumers with random cancellations and
/// exact accounting, and CsCheck's linearizability check against the sequential model.
/// </summary>
public sealed class BoundedQueueConcurrencyTests
{
    [Fact(Timeout = 120_000)]
    public async Task Four_producers_and_four_consumers_move_a_million_items_exactly_once_and_in_order_despite_random_cancellations()
    {
        const int Producers = 4;
        const int Consumers = 4;
        const int PerProducer = 250_000;
        var queue = new BoundedQueue<int>(16);
        CancellationToken testToken = TestContext.Current.CancellationToken;
        var deliveries = new int[Producers * PerProducer];
        var outOfOrder = new ConcurrentQueue<string>();
        int cancelledEnqueues = 0;
        int cancelledDequeues = 0;

        // A chaos thread keeps cancelling a shared token; one call in eight waits on it.
        using var chaos = new BoundedQueueChaos();
        (_, Task<bool> chaosThread) = TestThreads.Start("chaos", chaos.Run);

        var producers = Enumerable.Range(0, Producers).Select(producer => TestThreads.Start($"producer {producer}", () =>
        {
            var random = new Random(producer);
            for (int sequence = 0; sequence < PerProducer; sequence++)
            {
                int item = (producer * PerProducer) + sequence;
                while (true)
                {
                    try
                    {
                        queue.Enqueue(item, random.Next(8) == 0 ? chaos.Token : testToken);
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

        var consumers = Enumerable.Range(0, Consumers).Select(consumer => TestThreads.Start($"consumer {consumer}", () =>
        {
            var random = new Random(100 + consumer);
            var lastSequence = new int[Producers];
            Array.Fill(lastSequence, -1);
            while (true)
            {
                int item;
                try
                {
                    if (!queue.TryDequeue(out item, Timeout.InfiniteTimeSpan, random.Next(8) == 0 ? chaos.Token : testToken))
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
                int producer = item / PerProducer;
                int sequence = item % PerProducer;
                if (sequence <= lastSequence[producer])
                {
                    outOfOrder.Enqueue($"consumer {consumer} took item {sequence} of producer {producer} after item {lastSequence[producer]}");
                }

                lastSequence[producer] = sequence;
            }
        })).ToList();

        await Task.WhenAll(producers.Select(p => p.Finished))
            .ShouldFinish("Four producers moving 1,000,000 items through 16 slots", testToken);
        queue.CompleteAdding();
        await Task.WhenAll(consumers.Select(c => c.Finished))
            .ShouldFinish("Four consumers draining the completed queue", testToken);
        chaos.Stop();
        await chaosThread.ShouldFinish("The chaos thread", testToken);

        outOfOrder.Should().BeEmpty("each consumer sees each producer's items in the order they were produced");
        Enumerable.Range(0, deliveries.Length).Where(item => deliveries[item] != 1).Take(10)
            .Select(item => $"item {item % PerProducer} of producer {item / PerProducer} delivered {deliveries[item]} times")
            .Should().BeEmpty("every item is delivered exactly once, cancellations or not");
        (cancelledEnqueues + cancelledDequeues).Should().BePositive("the test must really have cancelled some calls");
        queue.Count.Should().Be(0);
        queue.IsCompleted.Should().BeTrue();
    }

    [Fact(Timeout = 120_000)]
    public async Task Parallel_operations_are_linearizable()
    {
        // SampleParallel runs its own threads and blocks; run it aside so that the timeout can end the test.
        await Task.Run(CheckLinearizability, TestContext.Current.CancellationToken).WaitAsync(TestContext.Current.CancellationToken);
    }

    private static void CheckLinearizability()
    {
        Gen.Const(() => (new BoundedQueueParallelActual(), new BoundedQueueParallelModel()))
            .SampleParallel(
                [
                    Gen.Int[0, 9].Operation<BoundedQueueParallelActual, BoundedQueueParallelModel>(
                        value => $"TryEnqueue({value})",
                        (actual, value) => actual.Record($"TryEnqueue({value}) = {Outcome(() => actual.Queue.TryEnqueue(value, TimeSpan.Zero) ? "true" : "false")}"),
                        (model, value) => model.Record($"TryEnqueue({value}) = {model.Queue.TryEnqueue(value)}")),
                    Gen.Operation<BoundedQueueParallelActual, BoundedQueueParallelModel>(
                        "TryDequeue",
                        actual => actual.Record($"TryDequeue = {(actual.Queue.TryDequeue(out int item, TimeSpan.Zero) ? item.ToString(CultureInfo.InvariantCulture) : "none")}"),
                        model => model.Record($"TryDequeue = {model.Queue.TryDequeue()}")),
                    Gen.Operation<BoundedQueueParallelActual, BoundedQueueParallelModel>(
                        "Count",
                        actual => actual.Record($"Count = {actual.Queue.Count}"),
                        model => model.Record($"Count = {model.Queue.Count}")),
                    Gen.Operation<BoundedQueueParallelActual, BoundedQueueParallelModel>(
                        "CompleteAdding",
                        actual => actual.Queue.CompleteAdding(),
                        model => model.Queue.CompleteAdding()),
                ],
                equal: (actual, model) => actual.Describe() == model.Describe(),
                maxSequentialOperations: 4,
                maxParallelOperations: 4,
                iter: TestEffort.Rounds(1_000),
                printActual: actual => actual.Describe(),
                printModel: model => model.Describe());
    }

    private static string Outcome(Func<string> call)
    {
        try
        {
            return call();
        }
        catch (InvalidOperationException)
        {
            return "throws InvalidOperationException";
        }
    }

    /// <summary>The queue under test and what each operation returned, in no particular order.</summary>
    internal sealed class BoundedQueueParallelActual
    {
        // The items left in the queue, taken out by Describe, which CsCheck may call more than once and from
        // several threads at once (it compares candidate orders in parallel).
        private readonly List<int> _left = [];

        public BoundedQueue<int> Queue { get; } = new(3);

        public ConcurrentQueue<string> Results { get; } = new();

        public void Record(string result) => Results.Enqueue(result);

        /// <summary>The results, sorted, and what is left in the queue.</summary>
        public string Describe()
        {
            lock (_left)
            {
                while (Queue.TryDequeue(out int item, TimeSpan.Zero))
                {
                    _left.Add(item);
                }

                return Describe(Results, _left, Queue.IsAddingCompleted);
            }
        }

        internal static string Describe(IEnumerable<string> results, IEnumerable<int> left, bool addingCompleted) =>
            $"results: {string.Join("; ", results.Order(StringComparer.Ordinal))}; left: [{string.Join(", ", left)}]; adding completed: {addingCompleted}";
    }

    /// <summary>The model, run sequentially in one candidate order.</summary>
    internal sealed class BoundedQueueParallelModel
    {
        public BoundedQueueModel Queue { get; } = new(3);

        public List<string> Results { get; } = [];

        public void Record(string result) => Results.Add(result);

        public string Describe() => BoundedQueueParallelActual.Describe(Results, Queue.Items, Queue.IsAddingCompleted);
    }

    /// <summary>Cancels a shared token at random moments and replaces it, until stopped.</summary>
    /// <remarks>Replaced sources are left to the garbage collector: other threads may still be waiting on their tokens.</remarks>
    internal sealed class BoundedQueueChaos : IDisposable
    {
        private CancellationTokenSource _current = new();
        private volatile bool _stopped;

        public CancellationToken Token => Volatile.Read(ref _current).Token;

        public void Stop() => _stopped = true;

        public void Dispose() => Volatile.Read(ref _current).Dispose();

        public void Run()
        {
            var random = new Random(7);
            while (!_stopped)
            {
                Thread.SpinWait(random.Next(1_000, 50_000));
                CancellationTokenSource previous = Volatile.Read(ref _current);
                previous.Cancel();
                Thread.SpinWait(random.Next(100, 5_000));
                Volatile.Write(ref _current, new CancellationTokenSource());
            }
        }
    }
}
