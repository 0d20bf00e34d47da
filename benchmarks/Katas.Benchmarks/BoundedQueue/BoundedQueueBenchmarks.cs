extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using AttemptQueue = Attempt::Katas.BoundedQueue<int>;
using ExemplarQueue = Exemplar::Katas.BoundedQueue<int>;
using ReferenceQueue = Reference::Katas.BoundedQueue<int>;

namespace Katas.Benchmarks;

/// <summary>
/// The bounded-queue kata: 65,536 ints per invocation move from producer threads to consumer threads
/// through capacity 1,024, with 1 producer and 1 consumer, then 2 and 2; reported per item. Every row uses
/// dedicated threads except the async ones, which run on the thread pool as async code does. Baseline:
/// Channel.CreateBounded with its synchronous TryWrite/TryRead, waiting on WaitToWriteAsync/WaitToReadAsync
/// only when it must. The exemplar is the kata's own lock-and-monitor answer (src/Katas.Answers/BoundedQueue/Exemplar),
/// with both APIs. The floor is a spinning single-producer, single-consumer ring per pair.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup].")]
public class BoundedQueueBenchmarks
{
    private const int Items = 1 << 16;
    private const int Capacity = 1_024;

    private BoundedQueueWorkers? _workers;
    private Func<Task>? _asyncRound;
    private BlockingCollection<int>? _blockingCollection;

    /// <summary>Gets or sets the number of producers, which is also the number of consumers.</summary>
    [Params(1, 2)]
    public int Pairs { get; set; }

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        StartThreads(new AttemptEnds(new AttemptQueue(Capacity)));
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        StartThreads(new ReferenceEnds(new ReferenceQueue(Capacity)));
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        StartThreads(new ExemplarEnds(new ExemplarQueue(Capacity)));
    }

    [GlobalSetup(Target = nameof(ExemplarAsync))]
    public void SetUpExemplarAsync()
    {
        var queue = new ExemplarQueue(Capacity);
        _asyncRound = () => RunAsync(
            async () =>
            {
                for (int i = 0; i < Items / Pairs; i++)
                {
                    await queue.EnqueueAsync(i).ConfigureAwait(false);
                }
            },
            async () =>
            {
                long sum = 0;
                for (int i = 0; i < Items / Pairs; i++)
                {
                    sum += await queue.DequeueAsync().ConfigureAwait(false);
                }

                return sum;
            });
    }

    [GlobalSetup(Target = nameof(ReferenceAsync))]
    public void SetUpReferenceAsync()
    {
        var queue = new ReferenceQueue(Capacity);
        _asyncRound = () => RunAsync(
            async () =>
            {
                for (int i = 0; i < Items / Pairs; i++)
                {
                    await queue.EnqueueAsync(i).ConfigureAwait(false);
                }
            },
            async () =>
            {
                long sum = 0;
                for (int i = 0; i < Items / Pairs; i++)
                {
                    sum += await queue.DequeueAsync().ConfigureAwait(false);
                }

                return sum;
            });
    }

    [GlobalSetup(Target = nameof(Channel))]
    public void SetUpChannel()
    {
        StartThreads(new ChannelEnds(CreateChannel()));
    }

    [GlobalSetup(Target = nameof(ChannelAsync))]
    public void SetUpChannelAsync()
    {
        Channel<int> channel = CreateChannel();
        _asyncRound = () => RunAsync(
            async () =>
            {
                for (int i = 0; i < Items / Pairs; i++)
                {
                    await channel.Writer.WriteAsync(i).ConfigureAwait(false);
                }
            },
            async () =>
            {
                long sum = 0;
                for (int i = 0; i < Items / Pairs; i++)
                {
                    sum += await channel.Reader.ReadAsync().ConfigureAwait(false);
                }

                return sum;
            });
    }

    [GlobalSetup(Target = nameof(BlockingCollection))]
    public void SetUpBlockingCollection()
    {
        _blockingCollection = new BlockingCollection<int>(new ConcurrentQueue<int>(), Capacity);
        StartThreads(new BlockingCollectionEnds(_blockingCollection));
    }

    [GlobalSetup(Target = nameof(SpscRingFloor))]
    public void SetUpFloor()
    {
        // One ring per producer-consumer pair: the floor has no contention between pairs to pay for.
        var work = new List<Action>();
        for (int pair = 0; pair < Pairs; pair++)
        {
            var ends = new SpscRingEnds(new BoundedQueueSpscRing(Capacity));
            work.Add(() => Produce(ends, Items / Pairs));
            work.Add(() => Consume(ends, Items / Pairs));
        }

        _workers = new BoundedQueueWorkers([.. work]);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _workers?.Dispose();
        _blockingCollection?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Items)]
    public void Attempt() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Items)]
    public void Reference() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Items)]
    public void ReferenceAsync() => _asyncRound!().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Items)]
    public void Exemplar() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Items)]
    public void ExemplarAsync() => _asyncRound!().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public void Channel() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Items)]
    public void ChannelAsync() => _asyncRound!().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Items)]
    public void BlockingCollection() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Items)]
    public void SpscRingFloor() => _workers!.RunRound();

    private static Channel<int> CreateChannel() =>
        System.Threading.Channels.Channel.CreateBounded<int>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });

    private void StartThreads<TEnds>(TEnds ends)
        where TEnds : struct, IBoundedQueueEnds
    {
        int perThread = Items / Pairs;
        var work = new List<Action>();
        for (int pair = 0; pair < Pairs; pair++)
        {
            work.Add(() => Produce(ends, perThread));
            work.Add(() => Consume(ends, perThread));
        }

        _workers = new BoundedQueueWorkers([.. work]);
    }

    private static void Produce<TEnds>(TEnds ends, int items)
        where TEnds : struct, IBoundedQueueEnds
    {
        for (int i = 0; i < items; i++)
        {
            ends.Enqueue(i);
        }
    }

    private static long Consume<TEnds>(TEnds ends, int items)
        where TEnds : struct, IBoundedQueueEnds
    {
        long sum = 0;
        for (int i = 0; i < items; i++)
        {
            sum += ends.Dequeue();
        }

        return sum;
    }

    private async Task RunAsync(Func<Task> produce, Func<Task<long>> consume)
    {
        var tasks = new Task[2 * Pairs];
        for (int pair = 0; pair < Pairs; pair++)
        {
            tasks[2 * pair] = Task.Run(produce);
            tasks[(2 * pair) + 1] = Task.Run(consume);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private readonly struct AttemptEnds(AttemptQueue queue) : IBoundedQueueEnds
    {
        public void Enqueue(int item) => queue.Enqueue(item);

        public int Dequeue() => queue.Dequeue();
    }

    private readonly struct ReferenceEnds(ReferenceQueue queue) : IBoundedQueueEnds
    {
        public void Enqueue(int item) => queue.Enqueue(item);

        public int Dequeue() => queue.Dequeue();
    }

    private readonly struct ExemplarEnds(ExemplarQueue queue) : IBoundedQueueEnds
    {
        public void Enqueue(int item) => queue.Enqueue(item);

        public int Dequeue() => queue.Dequeue();
    }

    private readonly struct ChannelEnds(Channel<int> channel) : IBoundedQueueEnds
    {
        public void Enqueue(int item)
        {
            while (!channel.Writer.TryWrite(item))
            {
                ValueTask<bool> room = channel.Writer.WaitToWriteAsync();
                if (!(room.IsCompletedSuccessfully ? room.Result : room.AsTask().GetAwaiter().GetResult()))
                {
                    throw new InvalidOperationException("The channel was completed.");
                }
            }
        }

        public int Dequeue()
        {
            int item;
            while (!channel.Reader.TryRead(out item))
            {
                ValueTask<bool> ready = channel.Reader.WaitToReadAsync();
                if (!(ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult()))
                {
                    throw new InvalidOperationException("The channel was completed.");
                }
            }

            return item;
        }
    }

    private readonly struct BlockingCollectionEnds(BlockingCollection<int> collection) : IBoundedQueueEnds
    {
        public void Enqueue(int item) => collection.Add(item);

        public int Dequeue() => collection.Take();
    }

    private readonly struct SpscRingEnds(BoundedQueueSpscRing ring) : IBoundedQueueEnds
    {
        public void Enqueue(int item) => ring.Enqueue(item);

        public int Dequeue() => ring.Dequeue();
    }
}

/// <summary>The two ends of a producer-consumer queue; implemented by small structs so the JIT specializes the loops for each.</summary>
public interface IBoundedQueueEnds
{
    /// <summary>Adds an item, waiting for room.</summary>
    /// <param name="item">The item.</param>
    void Enqueue(int item);

    /// <summary>Takes an item, waiting for one.</summary>
    /// <returns>The item.</returns>
    int Dequeue();
}
