extern alias Attempt;
extern alias Reference;
using BenchmarkDotNet.Attributes;
using AttemptMinStack = Attempt::Katas.MinStack<int>;
using ReferenceMinStack = Reference::Katas.MinStack<int>;

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
/// all, the floor a min stack is measured against. Peers: the two textbook answers, a stack of
/// (item, minimum) pairs and two stacks (the second taking only items &lt;= its top), both built on
/// <see cref="Stack{T}"/>, and a stack that finds the minimum by scanning, O(n) per <c>Min</c>.
/// </summary>
[MemoryDiagnoser]
public class MinStackBenchmarks
{
    private const int Depth = 1_024;

    private int[] _items = [];
    private AttemptMinStack? _attempt;
    private ReferenceMinStack? _reference;
    private Stack<int>? _stack;
    private Stack<(int Item, int Min)>? _pairs;
    private (Stack<int> Items, Stack<int> Minimums)? _twoStacks;
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

    [GlobalSetup(Target = nameof(StackOfPairs))]
    public void SetUpPairs()
    {
        _pairs = new Stack<(int Item, int Min)>();
        Warm(StackOfPairs);
    }

    [GlobalSetup(Target = nameof(TwoStacks))]
    public void SetUpTwoStacks()
    {
        _twoStacks = (new Stack<int>(), new Stack<int>());
        Warm(TwoStacks);
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
    public int StackOfPairs() => MinStackWorkload.Run(new PairOperations(_pairs!), _items);

    [Benchmark(OperationsPerInvoke = Depth)]
    public int TwoStacks() => MinStackWorkload.Run(new TwoStackOperations(_twoStacks!.Value), _items);

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

    private readonly struct PairOperations(Stack<(int Item, int Min)> stack) : IMinStackOperations
    {
        public void Push(int item) =>
            stack.Push((item, stack.TryPeek(out var top) && top.Min <= item ? top.Min : item));

        public int Min() => stack.Peek().Min;

        public int Pop() => stack.Pop().Item;
    }

    private readonly struct TwoStackOperations((Stack<int> Items, Stack<int> Minimums) stacks) : IMinStackOperations
    {
        public void Push(int item)
        {
            stacks.Items.Push(item);
            if (!stacks.Minimums.TryPeek(out int min) || item <= min)
            {
                stacks.Minimums.Push(item);
            }
        }

        public int Min() => stacks.Minimums.Peek();

        public int Pop()
        {
            int item = stacks.Items.Pop();
            if (item == stacks.Minimums.Peek())
            {
                stacks.Minimums.Pop();
            }

            return item;
        }
    }

    private readonly struct ScanningOperations(MinStackByScanning stack) : IMinStackOperations
    {
        public void Push(int item) => stack.Push(item);

        public int Min() => stack.Min();

        public int Pop() => stack.Pop();
    }
}
