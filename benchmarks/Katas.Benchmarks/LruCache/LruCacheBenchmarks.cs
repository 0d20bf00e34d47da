extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using BenchmarkDotNet.Attributes;
using BitFaster.Caching.Lru;
using AttemptLru = Attempt::Katas.LruCache<int, int>;
using ExemplarLru = Exemplar::Katas.LruCache<int, int>;
using ReferenceLru = Reference::Katas.LruCache<int, int>;

namespace Katas.Benchmarks;

/// <summary>
/// The LRU kata: capacity 1,000, a fixed stream of 65,536 operations (80 % get then put on a miss,
/// 20 % put) per invocation, reported per operation. Baseline: BitFaster.Caching's ClassicLru, the
/// ecosystem's textbook dictionary-plus-list LRU; the exemplar is the kata's own (src/Katas.Answers/LruCache/Exemplar). The floor row is a bare dictionary that never evicts.
/// </summary>
[MemoryDiagnoser]
public class LruCacheBenchmarks
{
    private int[] _operations = [];
    private AttemptLru? _attempt;
    private ReferenceLru? _reference;
    private ClassicLru<int, int>? _classic;
    private FastConcurrentLru<int, int>? _fastConcurrent;
    private ExemplarLru? _exemplar;
    private Dictionary<int, int>? _floor;

    /// <summary>Gets or sets the key distribution of the stream.</summary>
    [Params(KeyDistribution.Zipf, KeyDistribution.Uniform, KeyDistribution.AllHits)]
    public KeyDistribution Keys { get; set; }

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt()
    {
        _attempt = new AttemptLru(KeyStreams.Capacity);
        Warm(Attempt);
    }

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference()
    {
        _reference = new ReferenceLru(KeyStreams.Capacity);
        Warm(Reference);
    }

    [GlobalSetup(Target = nameof(ClassicLru))]
    public void SetUpClassic()
    {
        _classic = new ClassicLru<int, int>(KeyStreams.Capacity);
        Warm(ClassicLru);
    }

    [GlobalSetup(Target = nameof(FastConcurrentLru))]
    public void SetUpFastConcurrent()
    {
        _fastConcurrent = new FastConcurrentLru<int, int>(KeyStreams.Capacity);
        Warm(FastConcurrentLru);
    }

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar()
    {
        _exemplar = new ExemplarLru(KeyStreams.Capacity);
        Warm(Exemplar);
    }

    [GlobalSetup(Target = nameof(DictionaryFloor))]
    public void SetUpFloor()
    {
        _floor = new Dictionary<int, int>(2 * KeyStreams.Capacity);
        Warm(DictionaryFloor);
    }

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int Attempt() => CacheWorkload.Run(new AttemptOperations(_attempt!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int Reference() => CacheWorkload.Run(new ReferenceOperations(_reference!), _operations);

    [Benchmark(Baseline = true, OperationsPerInvoke = KeyStreams.Length)]
    public int ClassicLru() => CacheWorkload.Run(new ClassicOperations(_classic!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int FastConcurrentLru() => CacheWorkload.Run(new FastConcurrentOperations(_fastConcurrent!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int Exemplar() => CacheWorkload.Run(new ExemplarOperations(_exemplar!), _operations);

    [Benchmark(OperationsPerInvoke = KeyStreams.Length)]
    public int DictionaryFloor() => CacheWorkload.Run(new FloorOperations(_floor!), _operations);

    private void Warm(Func<int> run)
    {
        _operations = KeyStreams.Operations(Keys);
        run();
    }

    private readonly struct AttemptOperations(AttemptLru cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct ReferenceOperations(ReferenceLru cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct ClassicOperations(ClassicLru<int, int> cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct FastConcurrentOperations(FastConcurrentLru<int, int> cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct ExemplarOperations(ExemplarLru cache) : ICacheOperations
    {
        public bool TryGet(int key) => cache.TryGet(key, out _);

        public void Put(int key) => cache.AddOrUpdate(key, key);
    }

    private readonly struct FloorOperations(Dictionary<int, int> dictionary) : ICacheOperations
    {
        public bool TryGet(int key) => dictionary.ContainsKey(key);

        public void Put(int key) => dictionary[key] = key;
    }
}
