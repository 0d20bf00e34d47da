extern alias Attempt;
extern alias Exemplar;
extern alias Reference;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using AttemptMap = Attempt::Katas.ConcurrentHashMap<int, int>;
using ExemplarMap = Exemplar::Katas.ConcurrentHashMap<int, int>;
using ReferenceMap = Reference::Katas.ConcurrentHashMap<int, int>;

namespace Katas.Benchmarks;

/// <summary>The mixes of calls the concurrent hash map benchmark makes.</summary>
public enum ConcurrentHashMapMix
{
    /// <summary>90 % TryGetValue, 6 % increments, 2 % TryAdd, 2 % TryRemove.</summary>
    ReadHeavy,

    /// <summary>50 % TryGetValue, 30 % increments, 10 % TryAdd, 10 % TryRemove.</summary>
    WriteHeavy,
}

/// <summary>
/// The concurrent hash map kata: 65,536 calls per invocation on a map of about 32,768 int keys out of 65,536,
/// shared among 1 or 2 threads (with 2, the time for both threads' calls together), reported per call. Each call is
/// drawn from a seeded stream: a TryGetValue, an increment (AddOrUpdate with a static update), a TryAdd or a
/// TryRemove, in the proportions of the mix; adds and removes balance, so the map keeps its size. Baseline:
/// <see cref="ConcurrentDictionary{TKey, TValue}"/>; the other peer is a <see cref="Dictionary{TKey, TValue}"/>
/// behind one lock, the answer most people give first.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet calls [GlobalCleanup].")]
public class ConcurrentHashMapBenchmarks
{
    private const int Calls = 1 << 16;
    private const int Keys = 1 << 16;

    private BenchmarkWorkers? _workers;

    /// <summary>Gets or sets the mix of calls.</summary>
    [Params(ConcurrentHashMapMix.ReadHeavy, ConcurrentHashMapMix.WriteHeavy)]
    public ConcurrentHashMapMix Mix { get; set; }

    /// <summary>Gets or sets how many threads share the calls.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup(Target = nameof(Attempt))]
    public void SetUpAttempt() => Start(new AttemptCalls(new AttemptMap()));

    [GlobalSetup(Target = nameof(Exemplar))]
    public void SetUpExemplar() => Start(new ExemplarCalls(new ExemplarMap()));

    [GlobalSetup(Target = nameof(Reference))]
    public void SetUpReference() => Start(new ReferenceCalls(new ReferenceMap()));

    [GlobalSetup(Target = nameof(ConcurrentDictionary))]
    public void SetUpConcurrentDictionary() => Start(new ConcurrentDictionaryCalls(new ConcurrentDictionary<int, int>()));

    [GlobalSetup(Target = nameof(DictionaryWithLock))]
    public void SetUpDictionaryWithLock() => Start(new DictionaryWithLockCalls(new Dictionary<int, int>(), new Lock()));

    [GlobalCleanup]
    public void CleanUp() => _workers?.Dispose();

    [Benchmark(OperationsPerInvoke = Calls)]
    public void Attempt() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Calls)]
    public void Exemplar() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Calls)]
    public void Reference() => _workers!.RunRound();

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public void ConcurrentDictionary() => _workers!.RunRound();

    [Benchmark(OperationsPerInvoke = Calls)]
    public void DictionaryWithLock() => _workers!.RunRound();

    // Each thread's calls: a seeded stream of (kind, key), the kind 0 read, 1 increment, 2 add, 3 remove.
    private static (byte Kind, int Key)[] Stream(int thread, int length, ConcurrentHashMapMix mix)
    {
        (int Read, int Increment, int Add) bounds = mix == ConcurrentHashMapMix.ReadHeavy ? (90, 96, 98) : (50, 80, 90);
        var random = new Random(20261202 + thread);
        var calls = new (byte, int)[length];
        for (int i = 0; i < length; i++)
        {
            int roll = random.Next(100);
            byte kind = roll < bounds.Read ? (byte)0 : roll < bounds.Increment ? (byte)1 : roll < bounds.Add ? (byte)2 : (byte)3;
            calls[i] = (kind, random.Next(Keys));
        }

        return calls;
    }

    private static int Run<TCalls>(TCalls map, (byte Kind, int Key)[] calls)
        where TCalls : struct, IConcurrentHashMapCalls
    {
        int checksum = 0;
        foreach (var (kind, key) in calls)
        {
            switch (kind)
            {
                case 0:
                    checksum += map.TryGetValue(key, out int value) ? value : 0;
                    break;
                case 1:
                    checksum += map.Increment(key);
                    break;
                case 2:
                    checksum += map.TryAdd(key) ? 1 : 0;
                    break;
                default:
                    checksum += map.TryRemove(key) ? 1 : 0;
                    break;
            }
        }

        return checksum;
    }

    private void Start<TCalls>(TCalls map)
        where TCalls : struct, IConcurrentHashMapCalls
    {
        // Every other key present to start with: adds and removes then balance around half full.
        for (int key = 0; key < Keys; key += 2)
        {
            map.TryAdd(key);
        }

        var streams = Enumerable.Range(0, Threads).Select(thread => Stream(thread, Calls / Threads, Mix)).ToArray();
        Run(map, streams[0]);
        _workers = new BenchmarkWorkers(Threads, thread => Run(map, streams[thread]));
    }

    private readonly struct AttemptCalls(AttemptMap map) : IConcurrentHashMapCalls
    {
        public bool TryGetValue(int key, out int value) => map.TryGetValue(key, out value);

        public int Increment(int key) => map.AddOrUpdate(key, 1, static (_, count) => count + 1);

        public bool TryAdd(int key) => map.TryAdd(key, 1);

        public bool TryRemove(int key) => map.TryRemove(key, out _);
    }

    private readonly struct ExemplarCalls(ExemplarMap map) : IConcurrentHashMapCalls
    {
        public bool TryGetValue(int key, out int value) => map.TryGetValue(key, out value);

        public int Increment(int key) => map.AddOrUpdate(key, 1, static (_, count) => count + 1);

        public bool TryAdd(int key) => map.TryAdd(key, 1);

        public bool TryRemove(int key) => map.TryRemove(key, out _);
    }

    private readonly struct ReferenceCalls(ReferenceMap map) : IConcurrentHashMapCalls
    {
        public bool TryGetValue(int key, out int value) => map.TryGetValue(key, out value);

        public int Increment(int key) => map.AddOrUpdate(key, 1, static (_, count) => count + 1);

        public bool TryAdd(int key) => map.TryAdd(key, 1);

        public bool TryRemove(int key) => map.TryRemove(key, out _);
    }

    private readonly struct ConcurrentDictionaryCalls(ConcurrentDictionary<int, int> map) : IConcurrentHashMapCalls
    {
        public bool TryGetValue(int key, out int value) => map.TryGetValue(key, out value);

        public int Increment(int key) => map.AddOrUpdate(key, 1, static (_, count) => count + 1);

        public bool TryAdd(int key) => map.TryAdd(key, 1);

        public bool TryRemove(int key) => map.TryRemove(key, out _);
    }

    private readonly struct DictionaryWithLockCalls(Dictionary<int, int> map, Lock gate) : IConcurrentHashMapCalls
    {
        public bool TryGetValue(int key, out int value)
        {
            lock (gate)
            {
                return map.TryGetValue(key, out value);
            }
        }

        public int Increment(int key)
        {
            lock (gate)
            {
                return ++CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
            }
        }

        public bool TryAdd(int key)
        {
            lock (gate)
            {
                return map.TryAdd(key, 1);
            }
        }

        public bool TryRemove(int key)
        {
            lock (gate)
            {
                return map.Remove(key);
            }
        }
    }
}

/// <summary>The four calls the benchmark makes; implemented by small structs so the JIT specializes the loop for each map.</summary>
public interface IConcurrentHashMapCalls
{
    /// <summary>Looks a key up.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether it was there.</returns>
    bool TryGetValue(int key, out int value);

    /// <summary>Adds one to a key's value, adding the key with 1 when it is missing.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The new value.</returns>
    int Increment(int key);

    /// <summary>Adds a key with the value 1 unless present.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it was added.</returns>
    bool TryAdd(int key);

    /// <summary>Removes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it was there.</returns>
    bool TryRemove(int key);
}
