extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using BenchmarkDotNet.Attributes;

namespace Katas.Benchmarks;

/// <summary>
/// The Time map kata: TODO(kata dev new): the workload, and the baseline from the ecosystem.
/// </summary>
[MemoryDiagnoser]
public class TimeMapBenchmarks
{
    private Attempt::Katas.TimeMap? _attempt;
    private Exemplar::Katas.TimeMap? _exemplar;
    private Reference::Katas.TimeMap? _reference;

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt() => _attempt = new();

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar() => _exemplar = new();

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference() => _reference = new();

    [Benchmark]
    public long Attempt()
    {
        _attempt!.Add(21);
        return _attempt.Total;
    }

    [Benchmark]
    public long Exemplar()
    {
        _exemplar!.Add(21);
        return _exemplar.Total;
    }

    [Benchmark(Baseline = true)]
    public long Reference()
    {
        _reference!.Add(21);
        return _reference.Total;
    }
}
