extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using System.Collections.Concurrent;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using AttemptRing = Attempt::Katas.SpscRingBuffer<int>;
using ExemplarRing = Exemplar::Katas.SpscRingBuffer<int>;
using ReferenceRing = Reference::Katas.SpscRingBuffer<int>;

namespace Katas.Benchmarks;

/// <summary>
/// The circular buffer kata, level two: one producer thread (the benchmark's) and one consumer thread
/// (started per invocation) move 2,097,152 ints through a queue; both spin, then yield, when they cannot
/// go on. Reported per item. Baseline: <see cref="ConcurrentQueue{T}"/>, unbounded and lock-free, the BCL's
/// usual answer. The exemplar is the kata's own (src/Katas.Answers/CircularBuffer/Exemplar). A bounded
/// <see cref="Channel"/> for one reader and one writer shows the cost of a lock.
/// </summary>
[MemoryDiagnoser]
public class SpscRingBufferBenchmarks
{
    private const int Capacity = 1_024;
    private const int Items = 1 << 21;

    private AttemptRing? _attempt;
    private ReferenceRing? _reference;
    private ExemplarRing? _exemplar;
    private ConcurrentQueue<int>? _concurrentQueue;
    private Channel<int>? _channel;

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        _attempt = new AttemptRing(Capacity);
        Attempt();
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        _reference = new ReferenceRing(Capacity);
        Reference();
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        _exemplar = new ExemplarRing(Capacity);
        Exemplar();
    }

    [GlobalSetup(Target = nameof(ConcurrentQueue))]
    public void SetUpConcurrentQueue()
    {
        _concurrentQueue = new ConcurrentQueue<int>();
        ConcurrentQueue();
    }

    [GlobalSetup(Target = nameof(BoundedChannel))]
    public void SetUpChannel()
    {
        _channel = Channel.CreateBounded<int>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
        BoundedChannel();
    }

    [Benchmark(OperationsPerInvoke = Items)]
    public long Attempt() => Transfer(new AttemptQueue(_attempt!));

    [Benchmark(OperationsPerInvoke = Items)]
    public long Reference() => Transfer(new ReferenceQueue(_reference!));

    [Benchmark(OperationsPerInvoke = Items)]
    public long Exemplar() => Transfer(new ExemplarQueue(_exemplar!));

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public long ConcurrentQueue() => Transfer(new ConcurrentQueueQueue(_concurrentQueue!));

    [Benchmark(OperationsPerInvoke = Items)]
    public long BoundedChannel() => Transfer(new ChannelQueue(_channel!));

    private static long Transfer<TQueue>(TQueue queue)
        where TQueue : struct, ICircularBufferHandoff
    {
        long received = 0;
        var consumer = new Thread(() =>
        {
            long sum = 0;
            for (int count = 0; count < Items; count++)
            {
                int item;
                if (!queue.TryRead(out item))
                {
                    var spinner = default(SpinWait);
                    do
                    {
                        spinner.SpinOnce(sleep1Threshold: -1);
                    }
                    while (!queue.TryRead(out item));
                }

                sum += item;
            }

            received = sum;
        });
        consumer.Start();

        for (int item = 0; item < Items; item++)
        {
            if (!queue.TryWrite(item))
            {
                var spinner = default(SpinWait);
                do
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }
                while (!queue.TryWrite(item));
            }
        }

        consumer.Join();
        if (received != (long)Items * (Items - 1) / 2)
        {
            throw new InvalidOperationException($"The consumer received a sum of {received}: items were lost or duplicated.");
        }

        return received;
    }

    private readonly struct AttemptQueue(AttemptRing ring) : ICircularBufferHandoff
    {
        public bool TryWrite(int item) => ring.TryWrite(item);

        public bool TryRead(out int item) => ring.TryRead(out item);
    }

    private readonly struct ReferenceQueue(ReferenceRing ring) : ICircularBufferHandoff
    {
        public bool TryWrite(int item) => ring.TryWrite(item);

        public bool TryRead(out int item) => ring.TryRead(out item);
    }

    private readonly struct ExemplarQueue(ExemplarRing ring) : ICircularBufferHandoff
    {
        public bool TryWrite(int item) => ring.TryWrite(item);

        public bool TryRead(out int item) => ring.TryRead(out item);
    }

    private readonly struct ConcurrentQueueQueue(ConcurrentQueue<int> queue) : ICircularBufferHandoff
    {
        public bool TryWrite(int item)
        {
            queue.Enqueue(item);
            return true;
        }

        public bool TryRead(out int item) => queue.TryDequeue(out item);
    }

    private readonly struct ChannelQueue(Channel<int> channel) : ICircularBufferHandoff
    {
        public bool TryWrite(int item) => channel.Writer.TryWrite(item);

        public bool TryRead(out int item) => channel.Reader.TryRead(out item);
    }
}

/// <summary>The two calls a producer/consumer benchmark makes; small structs implement it so the JIT specializes the loops.</summary>
public interface ICircularBufferHandoff
{
    /// <summary>Writes an item if there is room.</summary>
    /// <param name="item">The item.</param>
    /// <returns><see langword="false"/> when full.</returns>
    bool TryWrite(int item);

    /// <summary>Reads the oldest item if there is one.</summary>
    /// <param name="item">The item.</param>
    /// <returns><see langword="false"/> when empty.</returns>
    bool TryRead(out int item);
}
