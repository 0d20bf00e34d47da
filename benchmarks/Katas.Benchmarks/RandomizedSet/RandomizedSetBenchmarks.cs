extern alias Attempt;
extern alias Exemplar;
extern alias LazyRemoval;
extern alias Reference;
using BenchmarkDotNet.Attributes;
using AttemptSet = Attempt::Katas.RandomizedSet<int>;
using ExemplarSet = Exemplar::Katas.RandomizedSet<int>;
using LazyRemovalSet = LazyRemoval::Katas.RandomizedSet<int>;
using ReferenceSet = Reference::Katas.RandomizedSet<int>;

namespace Katas.Benchmarks;

/// <summary>
/// The randomized set kata: a set of 1,024 ints and 12,288 steps per invocation, a third each adds, removals and
/// draws (<see cref="RandomizedSetWorkload"/>), reported per step. Baseline: the exemplar's
/// <see cref="List{T}"/> + <see cref="Dictionary{TKey, TValue}"/> with swap-remove (src/Katas.Answers/RandomizedSet/Exemplar),
/// the classic answer the reference is measured against; the LazyRemoval answer is a row of its own, and the peer is
/// a <see cref="HashSet{T}"/> drawing with <c>ElementAt</c>, O(n) per draw. Every set makes its own unseeded
/// <see cref="Random"/>: the draws change nothing the steps depend on.
/// </summary>
[MemoryDiagnoser]
public class RandomizedSetBenchmarks
{
    private (RandomizedSetStep Step, int Item)[] _steps = [];
    private AttemptSet? _attempt;
    private ReferenceSet? _reference;
    private ExemplarSet? _exemplar;
    private LazyRemovalSet? _lazyRemoval;
    private HashSetElementAtSet? _hashSet;

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        _attempt = new AttemptSet();
        RandomizedSetWorkload.Fill(new AttemptOperations(_attempt));
        Warm(Attempt);
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        _reference = new ReferenceSet();
        RandomizedSetWorkload.Fill(new ReferenceOperations(_reference));
        Warm(Reference);
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        _exemplar = new ExemplarSet();
        RandomizedSetWorkload.Fill(new ExemplarOperations(_exemplar));
        Warm(Exemplar);
    }

    [GlobalSetup(Target = nameof(LazyRemoval))]
    public void SetUpLazyRemoval()
    {
        _lazyRemoval = new LazyRemovalSet();
        RandomizedSetWorkload.Fill(new LazyRemovalOperations(_lazyRemoval));
        Warm(LazyRemoval);
    }

    [GlobalSetup(Target = nameof(HashSetElementAt))]
    public void SetUpHashSet()
    {
        _hashSet = new HashSetElementAtSet();
        RandomizedSetWorkload.Fill(new HashSetOperations(_hashSet));
        Warm(HashSetElementAt);
    }

    [Benchmark(OperationsPerInvoke = RandomizedSetWorkload.Length)]
    public int Attempt() => RandomizedSetWorkload.Run(new AttemptOperations(_attempt!), _steps);

    [Benchmark(OperationsPerInvoke = RandomizedSetWorkload.Length)]
    public int Reference() => RandomizedSetWorkload.Run(new ReferenceOperations(_reference!), _steps);

    [Benchmark(Baseline = true, OperationsPerInvoke = RandomizedSetWorkload.Length)]
    public int Exemplar() => RandomizedSetWorkload.Run(new ExemplarOperations(_exemplar!), _steps);

    [Benchmark(OperationsPerInvoke = RandomizedSetWorkload.Length)]
    public int LazyRemoval() => RandomizedSetWorkload.Run(new LazyRemovalOperations(_lazyRemoval!), _steps);

    [Benchmark(OperationsPerInvoke = RandomizedSetWorkload.Length)]
    public int HashSetElementAt() => RandomizedSetWorkload.Run(new HashSetOperations(_hashSet!), _steps);

    // One run before measuring, so that every set has grown as far as the steps take it and allocates nothing more.
    private void Warm(Func<int> run)
    {
        _steps = RandomizedSetWorkload.Steps();
        run();
    }

    private readonly struct AttemptOperations(AttemptSet set) : IRandomizedSetOperations
    {
        public bool TryAdd(int item) => set.TryAdd(item);

        public bool Remove(int item) => set.Remove(item);

        public int GetRandom() => set.GetRandom();
    }

    private readonly struct ReferenceOperations(ReferenceSet set) : IRandomizedSetOperations
    {
        public bool TryAdd(int item) => set.TryAdd(item);

        public bool Remove(int item) => set.Remove(item);

        public int GetRandom() => set.GetRandom();
    }

    private readonly struct ExemplarOperations(ExemplarSet set) : IRandomizedSetOperations
    {
        public bool TryAdd(int item) => set.TryAdd(item);

        public bool Remove(int item) => set.Remove(item);

        public int GetRandom() => set.GetRandom();
    }

    private readonly struct LazyRemovalOperations(LazyRemovalSet set) : IRandomizedSetOperations
    {
        public bool TryAdd(int item) => set.TryAdd(item);

        public bool Remove(int item) => set.Remove(item);

        public int GetRandom() => set.GetRandom();
    }

    private readonly struct HashSetOperations(HashSetElementAtSet set) : IRandomizedSetOperations
    {
        public bool TryAdd(int item) => set.TryAdd(item);

        public bool Remove(int item) => set.Remove(item);

        public int GetRandom() => set.GetRandom();
    }
}
