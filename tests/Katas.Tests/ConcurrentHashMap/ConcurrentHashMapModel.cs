using System.Collections.Immutable;
using System.Globalization;
using CsCheck;
using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>How a model test sets up its map: its segments, its first table, its keys and whether their hash codes collide.</summary>
/// <param name="ConcurrencyLevel">The map's concurrencyLevel.</param>
/// <param name="Capacity">The map's capacity; small, so that the table doubles during a run.</param>
/// <param name="Keys">The keys run from -Keys to Keys, negative hash codes included.</param>
/// <param name="Colliding">Whether the keys share three hash codes, so that chains hold several keys.</param>
internal readonly record struct ConcurrentHashMapConfig(int ConcurrencyLevel, int Capacity, int Keys, bool Colliding)
{
    /// <summary>Makes the map under test.</summary>
    /// <returns>An empty map.</returns>
    public ConcurrentHashMap<int, int> NewMap() =>
        new(ConcurrencyLevel, Capacity, Colliding ? new FewHashCodes() : null);

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"concurrencyLevel {ConcurrencyLevel}, capacity {Capacity}, keys -{Keys}..{Keys}{(Colliding ? ", three hash codes" : "")}");
}

/// <summary>A map as a <see cref="Dictionary{TKey, TValue}"/> used one call at a time: obviously right.</summary>
internal sealed class ConcurrentHashMapModel
{
    private readonly Dictionary<int, int> _entries = [];

    /// <summary>Gets the number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The model test of the map, declared once: random calls of every member on one thread, each result compared
    /// with the model's, factories' calls included, and the counts after every step.
    /// </summary>
    public static ModelTest<ConcurrentHashMapConfig, ConcurrentHashMap<int, int>, ConcurrentHashMapModel> Test { get; } = new(
        config => config.NewMap(),
        _ => new ConcurrentHashMapModel(),
        config =>
        {
            var keys = Gen.Int[-config.Keys, config.Keys];
            var values = Gen.Int[0, 99];
            return Gen.Frequency(
                (25, keys.Select(key => ModelStep.Returns<ConcurrentHashMap<int, int>, ConcurrentHashMapModel, (bool, int)>(
                    $"TryGetValue({key})", map => (map.TryGetValue(key, out int value), value), model => model.TryGetValue(key)))),
                (15, Gen.Select(keys, values, (key, value) => ModelStep.Returns<ConcurrentHashMap<int, int>, ConcurrentHashMapModel, bool>(
                    $"TryAdd({key}, {value})", map => map.TryAdd(key, value), model => model.TryAdd(key, value)))),
                (15, Gen.Select(keys, values, (key, value) => ModelStep.Returns<ConcurrentHashMap<int, int>, ConcurrentHashMapModel, (int, int)>(
                    $"GetOrAdd({key}, _ => {value})", map => GetOrAdd(map, key, value), model => model.GetOrAdd(key, value)))),
                (15, Gen.Select(keys, values, (key, value) => ModelStep.Returns<ConcurrentHashMap<int, int>, ConcurrentHashMapModel, (int, int)>(
                    $"AddOrUpdate({key}, {value}, +1)", map => AddOrUpdate(map, key, value), model => model.AddOrUpdate(key, value)))),
                (20, keys.Select(key => ModelStep.Returns<ConcurrentHashMap<int, int>, ConcurrentHashMapModel, (bool, int)>(
                    $"TryRemove({key})", map => (map.TryRemove(key, out int value), value), model => model.TryRemove(key)))),
                (5, Gen.Const(ModelStep.Returns<ConcurrentHashMap<int, int>, ConcurrentHashMapModel, (int, int)[]>(
                    "enumerate", map => Sorted(map), model => model.Snapshot()))),
                (5, Gen.Const(ModelStep.Returns<ConcurrentHashMap<int, int>, ConcurrentHashMapModel, int>(
                    "Count", map => map.Count, model => model.Count))));
        })
    {
        Invariant = (map, model) => map.Count == model.Count ? null : $"Count is {map.Count}, but the model holds {model.Count} entries",
        DescribeConfig = config => config.ToString(),
    };

    /// <summary>Calls GetOrAdd with a factory that makes <paramref name="value"/>, counting its calls.</summary>
    /// <param name="map">The map.</param>
    /// <param name="key">The key.</param>
    /// <param name="value">What the factory makes.</param>
    /// <returns>What GetOrAdd returned, and how many times it called the factory.</returns>
    public static (int Value, int FactoryCalls) GetOrAdd(ConcurrentHashMap<int, int> map, int key, int value)
    {
        int calls = 0;
        int result = map.GetOrAdd(key, made =>
        {
            calls++;
            return made == key ? value : throw new InvalidOperationException($"The factory of key {key} was given {made}.");
        });
        return (result, calls);
    }

    /// <summary>Calls AddOrUpdate with an update that adds one, counting its calls.</summary>
    /// <param name="map">The map.</param>
    /// <param name="key">The key.</param>
    /// <param name="addValue">The value of a missing key.</param>
    /// <returns>What AddOrUpdate returned, and how many times it called the update.</returns>
    public static (int Value, int UpdateCalls) AddOrUpdate(ConcurrentHashMap<int, int> map, int key, int addValue)
    {
        int calls = 0;
        int result = map.AddOrUpdate(key, addValue, (updated, current) =>
        {
            calls++;
            return updated == key ? current + 1 : throw new InvalidOperationException($"The update of key {key} was given {updated}.");
        });
        return (result, calls);
    }

    /// <summary>Enumerates a map, sorted by key.</summary>
    /// <param name="map">The map.</param>
    /// <returns>Its entries.</returns>
    public static (int Key, int Value)[] Sorted(ConcurrentHashMap<int, int> map) => [.. map.Select(entry => (entry.Key, entry.Value)).OrderBy(entry => entry.Key)];

    /// <summary>Looks a key up.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it was there, and its value.</returns>
    public (bool, int) TryGetValue(int key) => (_entries.TryGetValue(key, out int value), value);

    /// <summary>Adds a key unless present.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether it was added.</returns>
    public bool TryAdd(int key, int value) => _entries.TryAdd(key, value);

    /// <summary>Returns a key's value, adding <paramref name="value"/> when it is missing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value made for a missing key.</param>
    /// <returns>The value, and whether it was made (one factory call) or found (none).</returns>
    public (int, int) GetOrAdd(int key, int value) => _entries.TryAdd(key, value) ? (value, 1) : (_entries[key], 0);

    /// <summary>Adds a key with <paramref name="addValue"/>, or adds one to its value.</summary>
    /// <param name="key">The key.</param>
    /// <param name="addValue">The value of a missing key.</param>
    /// <returns>The value stored, and whether the update was called.</returns>
    public (int, int) AddOrUpdate(int key, int addValue)
    {
        if (_entries.TryGetValue(key, out int current))
        {
            _entries[key] = current + 1;
            return (current + 1, 1);
        }

        _entries[key] = addValue;
        return (addValue, 0);
    }

    /// <summary>Removes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it was there, and its value.</returns>
    public (bool, int) TryRemove(int key) => (_entries.Remove(key, out int value), value);

    /// <summary>The entries, sorted by key.</summary>
    /// <returns>The entries.</returns>
    public (int Key, int Value)[] Snapshot() => [.. _entries.Select(entry => (entry.Key, entry.Value)).OrderBy(entry => entry.Key)];
}

/// <summary>
/// The linearizability check of the map: a few calls on one thread, then several threads making calls at once, all
/// recorded with <see cref="ConcurrentHistory{TOperation, TResult}"/>; then <see cref="Linearizability"/> looks for
/// a one-at-a-time order of the calls that gives each the result it really returned on an immutable model, and
/// ends with the entries the map holds.
/// </summary>
/// <remarks>
/// The histories are drawn with CsCheck but run on <see cref="TestThreads"/> rather than by CsCheck's
/// <c>SampleParallel</c>, whose operations run on foreground threads: once the kata runner's first stage has
/// finished, xunit's in-process runner ends the test process 10 s after it sees a foreground thread, so a
/// <c>SampleParallel</c> in any later stage kills the run.
/// </remarks>
internal static class ConcurrentHashMapLinearizability
{
    /// <summary>The largest key the calls use.</summary>
    public const int MaxKey = 4;

    private const int Threads = 3;

    private static readonly Gen<ConcurrentHashMapCall> Calls = Gen.Select(Gen.Int[0, 6], Gen.Int[0, MaxKey], Gen.Int[1, 9], (kind, key, value) => new ConcurrentHashMapCall((ConcurrentHashMapCallKind)kind, key, value));

    /// <summary>Checks <see cref="TestEffort.Rounds"/>(1,500) histories, each on a map of one of the set-ups in turn.</summary>
    /// <param name="cancellationToken">The test's token.</param>
    /// <param name="configs">The maps' set-ups.</param>
    /// <returns>A task that completes when every history has been checked.</returns>
    /// <exception cref="XunitException">A history no one-at-a-time order explains; the message shows it.</exception>
    public static async Task CheckAsync(CancellationToken cancellationToken, params ConcurrentHashMapConfig[] configs)
    {
        var histories = Gen.Select(Calls.Array[0, 5], Calls.Array[1, 4].Array[Threads]);
        int rounds = TestEffort.Rounds(1_500);
        for (int round = 0; round < rounds; round++)
        {
            var config = configs[round % configs.Length];
            var (prefix, parallel) = histories.Generate(new PCG(7, (ulong)round), null!, out _);
            var map = config.NewMap();
            var history = new ConcurrentHistory<ConcurrentHashMapCall, string>(Threads);
            foreach (var call in prefix)
            {
                history.Record(0, call, () => call.Apply(map));
            }

            await TestThreads.RunTogetherAsync(Threads, thread =>
            {
                foreach (var call in parallel[thread])
                {
                    history.Record(thread, call, () => call.Apply(map));
                }
            }, cancellationToken);

            var end = Linearizability.Explain(history.Calls, ImmutableSortedDictionary<int, int>.Empty, (state, call) => call.Apply(state));
            if (end is null)
            {
                throw new XunitException($"History {round + 1} ({config}) is not linearizable: no one-at-a-time order of its calls gives every call the result it returned.\n{history.Describe()}");
            }

            var entries = ConcurrentHashMapModel.Sorted(map);
            if (!entries.SequenceEqual(end.Select(entry => (entry.Key, entry.Value))))
            {
                throw new XunitException($"History {round + 1} ({config}) ends with the map holding {Structural.Format(entries)}, but its calls explain only {Structural.Format(end.Select(entry => (entry.Key, entry.Value)))}.\n{history.Describe()}");
            }
        }
    }
}

/// <summary>The kinds of call a linearizability history makes.</summary>
internal enum ConcurrentHashMapCallKind
{
    TryGetValue,
    TryAdd,
    GetOrAdd,
    AddOrUpdate,
    TryRemove,
    Count,
    Enumerate,
}

/// <summary>One call of a linearizability history, which it can make on the map or on an immutable model.</summary>
/// <param name="Kind">What the call is.</param>
/// <param name="Key">Its key, for the calls that take one.</param>
/// <param name="Value">Its value, for the calls that take one: GetOrAdd's factory makes it, AddOrUpdate adds it or adds one.</param>
internal readonly record struct ConcurrentHashMapCall(ConcurrentHashMapCallKind Kind, int Key, int Value)
{
    /// <summary>Makes the call on the map.</summary>
    /// <param name="map">The map.</param>
    /// <returns>What it returned, as text.</returns>
    public string Apply(ConcurrentHashMap<int, int> map) => Kind switch
    {
        ConcurrentHashMapCallKind.TryGetValue => Found(map.TryGetValue(Key, out int value), value),
        ConcurrentHashMapCallKind.TryAdd => Text(map.TryAdd(Key, Value)),
        ConcurrentHashMapCallKind.GetOrAdd => Text(ConcurrentHashMapModel.GetOrAdd(map, Key, Value)),
        ConcurrentHashMapCallKind.AddOrUpdate => Text(ConcurrentHashMapModel.AddOrUpdate(map, Key, Value)),
        ConcurrentHashMapCallKind.TryRemove => Found(map.TryRemove(Key, out int value), value),
        ConcurrentHashMapCallKind.Count => Text(map.Count),
        _ => Structural.Format(ConcurrentHashMapModel.Sorted(map)),
    };

    /// <summary>Makes the call on an immutable model.</summary>
    /// <param name="state">The model's entries before the call.</param>
    /// <returns>Its entries after the call, and what the call returns, as text.</returns>
    public (ImmutableSortedDictionary<int, int> Next, string Result) Apply(ImmutableSortedDictionary<int, int> state)
    {
        bool found = state.TryGetValue(Key, out int current);
        return Kind switch
        {
            ConcurrentHashMapCallKind.TryGetValue => (state, Found(found, current)),
            ConcurrentHashMapCallKind.TryAdd => found ? (state, Text(false)) : (state.Add(Key, Value), Text(true)),
            ConcurrentHashMapCallKind.GetOrAdd => found ? (state, Text((current, 0))) : (state.Add(Key, Value), Text((Value, 1))),
            ConcurrentHashMapCallKind.AddOrUpdate => found ? (state.SetItem(Key, current + 1), Text((current + 1, 1))) : (state.Add(Key, Value), Text((Value, 0))),
            ConcurrentHashMapCallKind.TryRemove => found ? (state.Remove(Key), Found(true, current)) : (state, Found(false, 0)),
            ConcurrentHashMapCallKind.Count => (state, Text(state.Count)),
            _ => (state, Structural.Format(state.Select(entry => (entry.Key, entry.Value)))),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ConcurrentHashMapCallKind.TryGetValue or ConcurrentHashMapCallKind.TryRemove => $"{Kind}({Key})",
        ConcurrentHashMapCallKind.TryAdd => $"TryAdd({Key}, {Value})",
        ConcurrentHashMapCallKind.GetOrAdd => $"GetOrAdd({Key}, _ => {Value})",
        ConcurrentHashMapCallKind.AddOrUpdate => $"AddOrUpdate({Key}, {Value}, +1)",
        _ => Kind.ToString(),
    };

    private static string Found(bool found, int value) => found ? $"(true, {Text(value)})" : "(false)";

    private static string Text(object value) => Structural.Format(value);
}

/// <summary>Compares ints as usual but gives them only three hash codes, so that a table's chains hold several keys.</summary>
internal sealed class FewHashCodes : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => x == y;

    public int GetHashCode(int obj) => obj % 3;
}
