extern alias Attempt;
extern alias Exemplar;
extern alias ObjectNodes;
extern alias Reference;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BitFaster.Caching.Lfu;
using BitFaster.Caching.Scheduler;
using AttemptLfu = Attempt::Katas.LfuCache<int, int>;
using ExemplarLfu = Exemplar::Katas.LfuCache<int, int>;
using ObjectNodesLfu = ObjectNodes::Katas.LfuCache<int, int>;
using ReferenceLfu = Reference::Katas.LfuCache<int, int>;
using ReferenceLru = Reference::Katas.LruCache<int, int>;

namespace Katas.Benchmarks;

/// <summary>
/// The LFU kata on the LRU kata's streams: capacity 1,000, 65,536 operations (80 % get then put on a miss,
/// 20 % put) per invocation, reported per operation. Baseline: BitFaster.Caching's ConcurrentLfu
/// (W-TinyLFU) with its foreground scheduler, so its maintenance runs on the measured thread. The kata's
/// answers (src/Katas.Answers/LfuCache: the exemplar and ObjectNodes) are rows of their own. Peers: an LFU
/// built on a binary heap, O(log n) per use and so not an answer, and the LRU kata's reference. The Hit rate
/// column shows what each policy buys for its time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(HitRateConfig))]
public class LfuCacheBenchmarks
{
    private int[] _operations = [];
    private AttemptLfu? _attempt;
    private ReferenceLfu? _reference;
    private ExemplarLfu? _exemplar;
    private ObjectNodesLfu? _objectNodes;
    private ConcurrentLfu<int, int>? _concurrentLfu;
    private LfuCacheOnHeap? _heap;
    private ReferenceLru? _lru;

    /// <summary>Gets or sets the key distribution of the stream.</summary>
    [Params(KeyDistribution.Zipf, KeyDistribution.Uniform, KeyDistribution.AllHits)]
    public KeyDistribution Keys { get; set; }

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        _attempt = new AttemptLfu(KeyStreams.Capacity);
        Warm(Attempt);
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        _reference = new ReferenceLfu(KeyStreams.Capacity);
        Warm(Reference);
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        _exemplar = new ExemplarLfu(KeyStreams.Capacity);
        Warm(Exemplar);
    }

    [GlobalSetup(Target = nameof(ObjectNodes))]
    public void SetUpObjectNodes()
    {
        _objectNodes = new ObjectNodesLfu(KeyStreams.Capacity);
        Warm(ObjectNodes);
    }

    [GlobalSetup(Target = nameof(ConcurrentLfu))]
    public void SetUpConcurrentLfu()
    {
        _concurrentLfu = new ConcurrentLfu<int, int>(
            Environment.ProcessorCount, KeyStreams.Capacity, new ForegroundScheduler(), EqualityComparer<int>.Default);
        Warm(ConcurrentLfu);
    }

    [GlobalSetup(Target = nameof(HeapLfu))]
    public void SetUpHeap()
    {
        _heap = new LfuCacheOnHeap(KeyStreams.Capacity);
        Warm(HeapLfu);
    }

    [GlobalSetup(Target = nameof(LruReference))]
    public void SetUpLru()
    {
        _lru = new ReferenceLru(KeyStreams.Capacity);
        Warm(LruReference);
    }

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int Attempt() => CacheWorkload.Run(new AttemptOperations(_attempt!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int Reference() => CacheWorkload.Run(new ReferenceOperations(_reference!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int Exemplar() => CacheWorkload.Run(new ExemplarOperations(_exemplar!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int ObjectNodes() => CacheWorkload.Run(new ObjectNodesOperations(_objectNodes!), _operations);

    [Benchmark(Baseline = true, OperationsPerInvoke = KeyStreams.Length)]
    public int ConcurrentLfu() => CacheWorkload.Run(new ConcurrentLfuOperations(_concurrentLfu!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int HeapLfu() => CacheWorkload.Run(new HeapOperations(_heap!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int LruReference() => CacheWorkload.Run(new LruOperations(_lru!), _operations);

    /// <summary>
    /// Measures a row's hit rate outside the timed run: a fresh cache, warmed by one pass over the stream as
    /// the benchmark's setup does, then a second pass whose hits are counted.
    /// </summary>
    /// <param name="method">The benchmark method, which names the implementation.</param>
    /// <param name="keys">The key distribution.</param>
    /// <returns>The hits of the second pass over its gets.</returns>
    internal static double HitRate(string method, KeyDistribution keys)
    {
        var benchmarks = new LfuCacheBenchmarks { Keys = keys };
        int hits;
        switch (method)
        {
            case nameof(Attempt):
                benchmarks.SetUpAttempt();
                hits = benchmarks.Attempt();
                break;
            case nameof(Reference):
                benchmarks.SetUpReference();
                hits = benchmarks.Reference();
                break;
            case nameof(Exemplar):
                benchmarks.SetUpExemplar();
                hits = benchmarks.Exemplar();
                break;
            case nameof(ObjectNodes):
                benchmarks.SetUpObjectNodes();
                hits = benchmarks.ObjectNodes();
                break;
            case nameof(ConcurrentLfu):
                benchmarks.SetUpConcurrentLfu();
                hits = benchmarks.ConcurrentLfu();
                break;
            case nameof(HeapLfu):
                benchmarks.SetUpHeap();
                hits = benchmarks.HeapLfu();
                break;
            case nameof(LruReference):
                benchmarks.SetUpLru();
                hits = benchmarks.LruReference();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Not a benchmark of this class.");
        }

        return (double)hits / benchmarks._operations.Count(operation => operation >= 0);
    }

    private void Warm(Func<int> run)
    {
        _operations = KeyStreams.Operations(Keys);
        run();
    }

    private sealed class HitRateConfig : ManualConfig
    {
        public HitRateConfig() => AddColumn(new LfuCacheHitRateColumn());
    }

    private readonly struct AttemptOperations(AttemptLfu cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct ReferenceOperations(ReferenceLfu cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct ExemplarOperations(ExemplarLfu cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct ObjectNodesOperations(ObjectNodesLfu cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct ConcurrentLfuOperations(ConcurrentLfu<int, int> cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct HeapOperations(LfuCacheOnHeap cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct LruOperations(ReferenceLru cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }
}
