extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using BenchmarkDotNet.Attributes;
using AttemptBuffer = Attempt::Katas.CircularBuffer<int>;
using ExemplarBuffer = Exemplar::Katas.CircularBuffer<int>;
using ReferenceBuffer = Reference::Katas.CircularBuffer<int>;

namespace Katas.Benchmarks;

/// <summary>
/// The circular buffer kata, level one: a write followed by a read, 65,536 times per invocation, on a
/// buffer of capacity 1,024 kept half full, so that both ends wrap around the ring again and again.
/// Reported per pair. Baseline: <see cref="Queue{T}"/>, the BCL's own ring. The exemplar is the kata's own
/// (src/Katas.Answers/CircularBuffer/Exemplar). The floor row is a bare array ring with no checks, no version
/// and no policy.
/// </summary>
[MemoryDiagnoser]
public class CircularBufferBenchmarks
{
    private const int Capacity = 1_024;
    private const int Pairs = 1 << 16;

    private AttemptBuffer? _attempt;
    private ReferenceBuffer? _reference;
    private ExemplarBuffer? _exemplar;
    private Queue<int>? _queue;
    private CircularBufferArrayRing? _floor;

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        _attempt = new AttemptBuffer(Capacity);
        for (int item = 0; item < Capacity / 2; item++)
        {
            _attempt.Write(item);
        }

        Attempt();
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        _reference = new ReferenceBuffer(Capacity);
        for (int item = 0; item < Capacity / 2; item++)
        {
            _reference.Write(item);
        }

        Reference();
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        _exemplar = new ExemplarBuffer(Capacity);
        for (int item = 0; item < Capacity / 2; item++)
        {
            _exemplar.Write(item);
        }

        Exemplar();
    }

    [GlobalSetup(Target = nameof(QueueOfT))]
    public void SetUpQueue()
    {
        _queue = new Queue<int>(Capacity);
        for (int item = 0; item < Capacity / 2; item++)
        {
            _queue.Enqueue(item);
        }

        QueueOfT();
    }

    [GlobalSetup(Target = nameof(ArrayRingFloor))]
    public void SetUpFloor()
    {
        _floor = new CircularBufferArrayRing(Capacity);
        for (int item = 0; item < Capacity / 2; item++)
        {
            _floor.Write(item);
        }

        ArrayRingFloor();
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int Attempt()
    {
        var buffer = _attempt!;
        int sum = 0;
        for (int item = 0; item < Pairs; item++)
        {
            buffer.Write(item);
            sum += buffer.Read();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int Reference()
    {
        var buffer = _reference!;
        int sum = 0;
        for (int item = 0; item < Pairs; item++)
        {
            buffer.Write(item);
            sum += buffer.Read();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int Exemplar()
    {
        var buffer = _exemplar!;
        int sum = 0;
        for (int item = 0; item < Pairs; item++)
        {
            buffer.Write(item);
            sum += buffer.Read();
        }

        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public int QueueOfT()
    {
        var queue = _queue!;
        int sum = 0;
        for (int item = 0; item < Pairs; item++)
        {
            queue.Enqueue(item);
            sum += queue.Dequeue();
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public int ArrayRingFloor()
    {
        var ring = _floor!;
        int sum = 0;
        for (int item = 0; item < Pairs; item++)
        {
            ring.Write(item);
            sum += ring.Read();
        }

        return sum;
    }
}
