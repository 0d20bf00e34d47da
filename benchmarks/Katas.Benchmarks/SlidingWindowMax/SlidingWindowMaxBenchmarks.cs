extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using BenchmarkDotNet.Attributes;
using AttemptMax = Attempt::Katas.SlidingWindowMax;
using ExemplarMax = Exemplar::Katas.SlidingWindowMax;
using ReferenceMax = Reference::Katas.SlidingWindowMax;

namespace Katas.Benchmarks;

/// <summary>
/// The sliding-window maximum kata: the maxima of every window of 1,000,000 random ints, written into a
/// preallocated destination, reported per input value. Baseline: the exemplar
/// (src/Katas.Answers/SlidingWindowMax/Exemplar), the monotonic deque, the textbook O(n) answer. The naive row
/// rescans each window (O(n·k)); the floor row reads every value once and does nothing else, the memory
/// bandwidth limit.
/// </summary>
[MemoryDiagnoser]
public class SlidingWindowMaxBenchmarks
{
    private const int Length = 1_000_000;

    private int[] _values = [];
    private int[] _maxima = [];

    /// <summary>Gets or sets the window size.</summary>
    [Params(16, 1_024)]
    public int WindowSize { get; set; }

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        CreateValues();
        Attempt();
    }

    [GlobalSetup(Targets = [nameof(Reference), nameof(Exemplar), nameof(Naive), nameof(ReadOnceFloor)])]
    public void SetUp()
    {
        CreateValues();

        // The rows must agree before their speeds mean anything.
        int[] expected = ReferenceMax.Maxima(_values, WindowSize);
        ExemplarMax.Maxima(_values, WindowSize, _maxima);
        ThrowIfDifferent(expected, nameof(Exemplar));
        SlidingWindowMaxNaive.Maxima(_values, WindowSize, _maxima);
        ThrowIfDifferent(expected, nameof(Naive));
    }

    [Benchmark(OperationsPerInvoke = Length)]
    public int Attempt() => AttemptMax.Maxima(_values, WindowSize, _maxima);

    [Benchmark(OperationsPerInvoke = Length)]
    public int Reference() => ReferenceMax.Maxima(_values, WindowSize, _maxima);

    [Benchmark(Baseline = true, OperationsPerInvoke = Length)]
    public int Exemplar() => ExemplarMax.Maxima(_values, WindowSize, _maxima);

    [Benchmark(OperationsPerInvoke = Length)]
    public int Naive() => SlidingWindowMaxNaive.Maxima(_values, WindowSize, _maxima);

    [Benchmark(OperationsPerInvoke = Length)]
    public int ReadOnceFloor() => SlidingWindowMaxNaive.ReadOnce(_values);

    private void ThrowIfDifferent(int[] expected, string row)
    {
        if (!expected.AsSpan().SequenceEqual(_maxima))
        {
            throw new InvalidOperationException($"The {row} row disagrees with the reference.");
        }
    }

    private void CreateValues()
    {
        var random = new Random(20261123);
        _values = new int[Length];
        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = random.Next();
        }

        _maxima = new int[Length - WindowSize + 1];
    }
}
