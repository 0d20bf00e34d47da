using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;

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
/// The linearizability check of the map: CsCheck runs a few calls, then several at once on different threads,
/// and looks for an order of them on <see cref="ConcurrentHashMapModel"/> that gives every call the result it
/// really returned and ends with the same entries.
/// </summary>
internal static class ConcurrentHashMapLinearizability
{
    /// <summary>The largest key the calls use.</summary>
    public const int MaxKey = 4;

    /// <summary>Runs the check over <see cref="TestEffort.Rounds"/>(1,500) histories, each on a map of one of the set-ups.</summary>
    /// <param name="configs">
    /// The maps' set-ups, one drawn per history; their keys are 0 to <see cref="MaxKey"/>, few enough that the calls collide.
    /// </param>
    /// <remarks>
    /// One call for the whole kata: in a test process that runs xunit's console runner more than once, as the kata
    /// runner does stage by stage, a second <c>SampleParallel</c> after the first runner has finished leaves threads
    /// that end the process.
    /// </remarks>
    public static void Check(params ConcurrentHashMapConfig[] configs)
    {
        var keys = Gen.Int[0, MaxKey];
        var values = Gen.Int[1, 9];
        Gen.OneOf(configs).Select(config => (new Actual(config.NewMap()), new Model()))
            .SampleParallel(
                [
                    keys.Operation<Actual, Model>(
                        key => $"TryGetValue({key})",
                        (actual, key) => actual.Record($"TryGetValue({key}) = {Format(actual.Map.TryGetValue(key, out int value), value)}"),
                        (model, key) => model.Record($"TryGetValue({key}) = {Format(model.Map.TryGetValue(key))}")),
                    Gen.Select(keys, values).Operation<Actual, Model>(
                        call => $"TryAdd({call.Item1}, {call.Item2})",
                        (actual, call) => actual.Record($"TryAdd({call.Item1}, {call.Item2}) = {actual.Map.TryAdd(call.Item1, call.Item2)}"),
                        (model, call) => model.Record($"TryAdd({call.Item1}, {call.Item2}) = {model.Map.TryAdd(call.Item1, call.Item2)}")),
                    Gen.Select(keys, values).Operation<Actual, Model>(
                        call => $"GetOrAdd({call.Item1}, _ => {call.Item2})",
                        (actual, call) => actual.Record($"GetOrAdd({call.Item1}, {call.Item2}) = {ConcurrentHashMapModel.GetOrAdd(actual.Map, call.Item1, call.Item2)}"),
                        (model, call) => model.Record($"GetOrAdd({call.Item1}, {call.Item2}) = {model.Map.GetOrAdd(call.Item1, call.Item2)}")),
                    Gen.Select(keys, values).Operation<Actual, Model>(
                        call => $"AddOrUpdate({call.Item1}, {call.Item2}, +1)",
                        (actual, call) => actual.Record($"AddOrUpdate({call.Item1}, {call.Item2}) = {ConcurrentHashMapModel.AddOrUpdate(actual.Map, call.Item1, call.Item2)}"),
                        (model, call) => model.Record($"AddOrUpdate({call.Item1}, {call.Item2}) = {model.Map.AddOrUpdate(call.Item1, call.Item2)}")),
                    keys.Operation<Actual, Model>(
                        key => $"TryRemove({key})",
                        (actual, key) => actual.Record($"TryRemove({key}) = {Format(actual.Map.TryRemove(key, out int value), value)}"),
                        (model, key) => model.Record($"TryRemove({key}) = {Format(model.Map.TryRemove(key))}")),
                    Gen.Operation<Actual, Model>(
                        "Count",
                        actual => actual.Record($"Count = {actual.Map.Count}"),
                        model => model.Record($"Count = {model.Map.Count}")),
                    Gen.Operation<Actual, Model>(
                        "enumerate",
                        actual => actual.Record($"enumerate = {Structural.Format(ConcurrentHashMapModel.Sorted(actual.Map))}"),
                        model => model.Record($"enumerate = {Structural.Format(model.Map.Snapshot())}")),
                ],
                equal: (actual, model) => ConcurrentHashMapModel.Sorted(actual.Map).SequenceEqual(model.Map.Snapshot())
                    && actual.Results.Order(StringComparer.Ordinal).SequenceEqual(model.Results.Order(StringComparer.Ordinal)),
                maxSequentialOperations: 6,
                maxParallelOperations: 4,
                iter: TestEffort.Rounds(1_500),
                printActual: actual => $"{Structural.Format(ConcurrentHashMapModel.Sorted(actual.Map))}; {string.Join("; ", actual.Results.Order(StringComparer.Ordinal))}",
                printModel: model => $"{Structural.Format(model.Map.Snapshot())}; {string.Join("; ", model.Results.Order(StringComparer.Ordinal))}");
    }

    private static string Format((bool Found, int Value) result) => Format(result.Found, result.Value);

    private static string Format(bool found, int value) => found ? $"(true, {value})" : "(false)";

    /// <summary>The map under test and what each call returned, in no particular order.</summary>
    /// <param name="map">The map.</param>
    internal sealed class Actual(ConcurrentHashMap<int, int> map)
    {
        public ConcurrentHashMap<int, int> Map { get; } = map;

        public ConcurrentQueue<string> Results { get; } = new();

        public void Record(string result) => Results.Enqueue(result);
    }

    /// <summary>The model run in one candidate order, and what each call returned.</summary>
    internal sealed class Model
    {
        public ConcurrentHashMapModel Map { get; } = new();

        public List<string> Results { get; } = [];

        public void Record(string result) => Results.Add(result);
    }
}

/// <summary>Compares ints as usual but gives them only three hash codes, so that a table's chains hold several keys.</summary>
internal sealed class FewHashCodes : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => x == y;

    public int GetHashCode(int obj) => obj % 3;
}

/// <summary>Compares ints as usual but gives every one the same hash code: one bucket, one segment, one chain.</summary>
internal sealed class OneHashCode : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => x == y;

    public int GetHashCode(int obj) => 42;
}
