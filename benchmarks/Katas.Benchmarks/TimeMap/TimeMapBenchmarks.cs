extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using BenchmarkDotNet.Attributes;
using AttemptTimeMap = Attempt::Katas.TimeMap<int, int>;
using ExemplarTimeMap = Exemplar::Katas.TimeMap<int, int>;
using ReferenceTimeMap = Reference::Katas.TimeMap<int, int>;

namespace Katas.Benchmarks;

/// <summary>
/// The time map kata on <see cref="TimeMapWorkload"/>'s 256 keys of 256 versions: 65,536 lookups at random timestamps
/// on a filled map, or the 65,536 writes that fill a new one (one in 16 a version late), reported per call. Baseline:
/// a <see cref="SortedDictionary{TKey, TValue}"/> per key, whose lookups between versions walk the versions in
/// order. Peers: a <see cref="SortedList{TKey, TValue}"/> per key, bisected; the kata's exemplar (a sorted
/// <see cref="List{T}"/> per key, bisected) is a row of its own.
/// </summary>
[MemoryDiagnoser]
public class TimeMapBenchmarks
{
    private (int Key, long Timestamp)[] _writes = [];
    private (int Key, long Timestamp)[] _lookups = [];
    private AttemptTimeMap? _attempt;
    private ExemplarTimeMap? _exemplar;
    private ReferenceTimeMap? _reference;
    private SortedListTimeMap? _sortedList;
    private SortedDictionaryTimeMap? _sortedDictionary;

    /// <summary>Gets or sets what is measured.</summary>
    [Params(TimeMapWork.Lookups, TimeMapWork.Writes)]
    public TimeMapWork Work { get; set; }

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        Prepare();
        _attempt = new AttemptTimeMap();
        TimeMapWorkload.Write(new AttemptOperations(_attempt), _writes);
        Attempt();
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        Prepare();
        _exemplar = new ExemplarTimeMap();
        TimeMapWorkload.Write(new ExemplarOperations(_exemplar), _writes);
        Exemplar();
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        Prepare();
        _reference = new ReferenceTimeMap();
        TimeMapWorkload.Write(new ReferenceOperations(_reference), _writes);
        Reference();
    }

    [GlobalSetup(Target = nameof(SortedListPerKey))]
    public void SetUpSortedList()
    {
        Prepare();
        _sortedList = new SortedListTimeMap();
        TimeMapWorkload.Write(new SortedListOperations(_sortedList), _writes);
        SortedListPerKey();
    }

    [GlobalSetup(Target = nameof(SortedDictionaryPerKey))]
    public void SetUpSortedDictionary()
    {
        Prepare();
        _sortedDictionary = new SortedDictionaryTimeMap();
        TimeMapWorkload.Write(new SortedDictionaryOperations(_sortedDictionary), _writes);
        SortedDictionaryPerKey();
    }

    [Benchmark(OperationsPerInvoke = TimeMapWorkload.Operations)]
    public int Attempt() => Work == TimeMapWork.Lookups
        ? TimeMapWorkload.Look(new AttemptOperations(_attempt!), _lookups)
        : TimeMapWorkload.Write(new AttemptOperations(new AttemptTimeMap()), _writes);

    [Benchmark(OperationsPerInvoke = TimeMapWorkload.Operations)]
    public int Exemplar() => Work == TimeMapWork.Lookups
        ? TimeMapWorkload.Look(new ExemplarOperations(_exemplar!), _lookups)
        : TimeMapWorkload.Write(new ExemplarOperations(new ExemplarTimeMap()), _writes);

    [Benchmark(OperationsPerInvoke = TimeMapWorkload.Operations)]
    public int Reference() => Work == TimeMapWork.Lookups
        ? TimeMapWorkload.Look(new ReferenceOperations(_reference!), _lookups)
        : TimeMapWorkload.Write(new ReferenceOperations(new ReferenceTimeMap()), _writes);

    [Benchmark(OperationsPerInvoke = TimeMapWorkload.Operations)]
    public int SortedListPerKey() => Work == TimeMapWork.Lookups
        ? TimeMapWorkload.Look(new SortedListOperations(_sortedList!), _lookups)
        : TimeMapWorkload.Write(new SortedListOperations(new SortedListTimeMap()), _writes);

    [Benchmark(Baseline = true, OperationsPerInvoke = TimeMapWorkload.Operations)]
    public int SortedDictionaryPerKey() => Work == TimeMapWork.Lookups
        ? TimeMapWorkload.Look(new SortedDictionaryOperations(_sortedDictionary!), _lookups)
        : TimeMapWorkload.Write(new SortedDictionaryOperations(new SortedDictionaryTimeMap()), _writes);

    private void Prepare()
    {
        _writes = TimeMapWorkload.Writes();
        _lookups = TimeMapWorkload.Lookups();
    }

    private readonly struct AttemptOperations(AttemptTimeMap map) : ITimeMapOperations
    {
        public void Write(int key, int value, long timestamp) => map.Set(key, value, timestamp);

        public bool TryGet(int key, long timestamp, out int value) => map.TryGet(key, timestamp, out value);
    }

    private readonly struct ExemplarOperations(ExemplarTimeMap map) : ITimeMapOperations
    {
        public void Write(int key, int value, long timestamp) => map.Set(key, value, timestamp);

        public bool TryGet(int key, long timestamp, out int value) => map.TryGet(key, timestamp, out value);
    }

    private readonly struct ReferenceOperations(ReferenceTimeMap map) : ITimeMapOperations
    {
        public void Write(int key, int value, long timestamp) => map.Set(key, value, timestamp);

        public bool TryGet(int key, long timestamp, out int value) => map.TryGet(key, timestamp, out value);
    }

    private readonly struct SortedListOperations(SortedListTimeMap map) : ITimeMapOperations
    {
        public void Write(int key, int value, long timestamp) => map.Set(key, value, timestamp);

        public bool TryGet(int key, long timestamp, out int value) => map.TryGet(key, timestamp, out value);
    }

    private readonly struct SortedDictionaryOperations(SortedDictionaryTimeMap map) : ITimeMapOperations
    {
        public void Write(int key, int value, long timestamp) => map.Set(key, value, timestamp);

        public bool TryGet(int key, long timestamp, out int value) => map.TryGet(key, timestamp, out value);
    }
}
