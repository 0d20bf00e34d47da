extern alias Attempt;
extern alias Exemplar;
extern alias MinimumPositions;
extern alias Reference;
extern alias TwoBclStacks;
using BenchmarkDotNet.Attributes;
using AttemptMinStack = Attempt::Katas.MinStack<int>;
using ExemplarMinStack = Exemplar::Katas.MinStack<int>;
using MinimumPositionsMinStack = MinimumPositions::Katas.MinStack<int>;
using ReferenceMinStack = Reference::Katas.MinStack<int>;
using TwoBclStacksMinStack = TwoBclStacks::Katas.MinStack<int>;

namespace Katas.Benchmarks;

/// <summary>The orders in which the min stack benchmark pushes its items.</summary>
public enum MinStackOrder
{
    /// <summary>Seeded random ints: a new minimum is rare, as in most real use.</summary>
    Random,

    /// <summary>Every item smaller than the last: every push is a new minimum, the worst case for a min stack.</summary>
    Descending,
}

/// <summary>
/// The min stack kata: 1,024 pushes, each followed by a <c>Min</c>, then 1,024 pops, reported per
/// push + min + pop. Baseline: <see cref="Stack{T}"/> doing the same pushes and pops with no minimum at
/// all, the floor a min stack is measured against. The kata's answers (src/Katas.Answers/MinStack: the
/// exemplar's <see cref="Stack{T}"/> of (item, minimum) pairs, MinimumPositions and TwoBclStacks) are rows of
/// their own; the naive baseline is a stack that finds the minimum by scanning, O(n) per <c>Min</c>.
/// </summary>
[MemoryDiagnoser]
public class MinStackBenchmarks
{
    private const int Depth = 1_024;

    private int[] _items = [];
    private AttemptMinStack? _attempt;
    private ReferenceMinStack? _reference;
    private Stack<int>? _stack;
    private ExemplarMinStack? _exemplar;
    private MinimumPositionsMinStack? _minimumPositions;
    private TwoBclStacksMinStack? _twoBclStacks;
    private MinStackByScanning? _scanning;

    /// <summary>Gets or sets the order of the pushed items.</summary>
    [Params(MinStackOrder.Random, MinStackOrder.Descending)]
    public MinStackOrder Order { get; set; }

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        _attempt = new AttemptMinStack();
        Warm(Attempt);
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        _reference = new ReferenceMinStack();
        Warm(Reference);
    }

    [GlobalSetup(Target = nameof(StackOfT))]
    public void SetUpStack()
    {
        _stack = new Stack<int>();
        Warm(StackOfT);
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        _exemplar = new ExemplarMinStack();
        Warm(Exemplar);
    }

    [GlobalSetup(Target = nameof(MinimumPositions))]
    public void SetUpMinimumPositions()
    {
        _minimumPositions = new MinimumPositionsMinStack();
        Warm(MinimumPositions);
    }

    [GlobalSetup(Target = nameof(TwoBclStacks))]
    public void SetUpTwoBclStacks()
    {
        _twoBclStacks = new TwoBclStacksMinStack();
        Warm(TwoBclStacks);
    }

    [GlobalSetup(Target = nameof(MinByScanning))]
    public void SetUpScanning()
    {
        _scanning = new MinStackByScanning();
        Warm(MinByScanning);
    }

    [Benchmark(OperationsPerInvoke = Depth)]
    public int Attempt() => MinStackWorkload.Run(new AttemptOperations(_attempt!), _items);

    [Benchmark(OperationsPerInvoke = Depth)]
    public int Reference() => MinStackWorkload.Run(new ReferenceOperations(_reference!), _items);

    [Benchmark(Baseline = true, OperationsPerInvoke = Depth)]
    public int StackOfT() => MinStackWorkload.Run(new StackOperations(_stack!), _items);

    [Benchmark(OperationsPerInvoke = Depth)]
    public int Exemplar() => MinStackWorkload.Run(new ExemplarOperations(_exemplar!), _items);

    [Benchmark(OperationsPerInvoke = Depth)]
    public int MinimumPositions() => MinStackWorkload.Run(new MinimumPositionsOperations(_minimumPositions!), _items);

    [Benchmark(OperationsPerInvoke = Depth)]
    public int TwoBclStacks() => MinStackWorkload.Run(new TwoBclStacksOperations(_twoBclStacks!), _items);

    [Benchmark(OperationsPerInvoke = Depth)]
    public int MinByScanning() => MinStackWorkload.Run(new ScanningOperations(_scanning!), _items);

    private void Warm(Func<int> run)
    {
        _items = Order switch
        {
            MinStackOrder.Random => RandomItems(),
            MinStackOrder.Descending => [.. Enumerable.Range(0, Depth).Select(i => Depth - i)],
            _ => throw new InvalidOperationException($"Unknown order {Order}."),
        };
        run();

        static int[] RandomItems()
        {
            var random = new Random(20261123);
            return [.. Enumerable.Range(0, Depth).Select(_ => random.Next())];
        }
    }

    private readonly struct AttemptOperations(AttemptMinStack stack) : IMinStackOperations
    {
        public void Push(int item) => stack.Push(item);

        public int Min() => stack.Min();

        public int Pop() => stack.Pop();
    }

    private readonly struct ReferenceOperations(ReferenceMinStack stack) : IMinStackOperations
    {
        public void Push(int item) => stack.Push(item);

        public int Min() => stack.Min();

        public int Pop() => stack.Pop();
    }

    private readonly struct StackOperations(Stack<int> stack) : IMinStackOperations
    {
        public void Push(int item) => stack.Push(item);

        public int Min() => 0;

        public int Pop() => stack.Pop();
    }

    private readonly struct ExemplarOperations(ExemplarMinStack stack) : IMinStackOperations
    {
        public void Push(int item) => stack.Push(item);

        public int Min() => stack.Min();

        public int Pop() => stack.Pop();
    }

    private readonly struct MinimumPositionsOperations(MinimumPositionsMinStack stack) : IMinStackOperations
    {
        public void Push(int item) => stack.Push(item);

        public int Min() => stack.Min();

        public int Pop() => stack.Pop();
    }

    private readonly struct TwoBclStacksOperations(TwoBclStacksMinStack stack) : IMinStackOperations
    {
        public void Push(int item) => stack.Push(item);

        public int Min() => stack.Min();

        public int Pop() => stack.Pop();
    }

    private readonly struct ScanningOperations(MinStackByScanning stack) : IMinStackOperations
    {
        public void Push(int item) => stack.Push(item);

        public int Min() => stack.Min();

        public int Pop() => stack.Pop();
    }
}
