// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (TestThreads.ShouldFinish), or get the test's token.
#pragma warning disable xUnit1051

using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Stage 3 of the bounded queue, under contention: eight threads moving items through four slots with exact
/// accounting, and CsCheck's linearizability check of parallel calls against the sequential model.
/// </summary>
[Stage(3)]
public sealed class BoundedQueueConcurrencyTests
{
    [Fact(Timeout = 120_000)]
    public async Task Four_producers_and_four_consumers_move_every_item_exactly_once_and_in_order()
    {
        // Four items of room for eight threads: most calls wait, and every wake-up counts.
        await BoundedQueueStress.MoveEveryItemExactlyOnceAndInOrder(
            producers: 4, consumers: 4, perProducer: TestEffort.Rounds(50_000), capacity: 4, chaos: false, TestContext.Current.CancellationToken);
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
                        (model, value) => model.Record($"TryEnqueue({value}) = {Outcome(() => model.Queue.TryEnqueue(value) ? "true" : "false")}")),
                    Gen.Operation<BoundedQueueParallelActual, BoundedQueueParallelModel>(
                        "TryDequeue",
                        actual => actual.Record($"TryDequeue = {(actual.Queue.TryDequeue(out int item, TimeSpan.Zero) ? item.ToString(CultureInfo.InvariantCulture) : "none")}"),
                        model => model.Record($"TryDequeue = {(model.Queue.TryDequeue() is (true, int item) ? item.ToString(CultureInfo.InvariantCulture) : "none")}")),
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
        public BoundedQueueModel Queue { get; } = new(3, completable: true);

        public List<string> Results { get; } = [];

        public void Record(string result) => Results.Add(result);

        public string Describe() => BoundedQueueParallelActual.Describe(Results, Queue.Items, Queue.IsAddingCompleted);
    }
}
