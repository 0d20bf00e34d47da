using CsCheck;

namespace Katas.Tests;

/// <summary>What the writes of a model test look like.</summary>
internal enum TimeMapWrites
{
    /// <summary>Each write is later than every write before it, as in LeetCode 981.</summary>
    InOrder,

    /// <summary>Timestamps drawn at random from a small range, so writes come late and land on timestamps already written.</summary>
    AnyOrder,

    /// <summary>Like <see cref="AnyOrder"/>, with a negative timestamp now and then, which both sides must refuse.</summary>
    AnyOrderWithBadTimestamps,
}

/// <summary>How a model test is set up.</summary>
/// <param name="Keys">How many keys the calls use.</param>
/// <param name="Writes">What the writes look like.</param>
/// <param name="Timestamps">The range of timestamps the calls draw from (for in-order writes, the most a write moves the clock on).</param>
/// <param name="Retention">The map's retention, or <see langword="null"/> for a map made without one.</param>
internal sealed record TimeMapConfig(int Keys, TimeMapWrites Writes, int Timestamps, long? Retention = null);

/// <summary>
/// A time map as a list of every write ever made, (key, timestamp, value), searched from end to end: O(n) per call
/// and obviously right. The retention is applied when a key is read, from the definition: a version is dropped
/// when a newer version of its key is at or before the horizon, the key's newest timestamp minus the retention.
/// </summary>
/// <param name="retention">The retention, <see cref="long.MaxValue"/> for none.</param>
internal sealed class TimeMapModel(long retention)
{
    // Every write, the latest of each (key, timestamp) only.
    private readonly List<(int Key, long Timestamp, int Value)> _writes = [];

    /// <summary>
    /// The model test of the map, declared once: random Set and TryGet calls over a few keys, the count compared after
    /// every step and the exceptions of bad timestamps included.
    /// </summary>
    public static ModelTest<TimeMapConfig, TimeMap<int, int>, TimeMapModel> Test { get; } = new(
        config => config.Retention is { } retention ? new TimeMap<int, int>(retention) : new TimeMap<int, int>(),
        config => new TimeMapModel(config.Retention ?? long.MaxValue),
        Steps)
    {
        Invariant = (map, model) => map.Count == model.Count ? null : $"Count is {map.Count}, but the model holds {model.Count} versions",
        DescribeConfig = config => $"{config.Keys} keys, writes {config.Writes}, timestamps up to {config.Timestamps}"
            + (config.Retention is { } retention ? $", retention {retention}" : ", no retention"),
    };

    /// <summary>Gets the number of versions held, the retention applied.</summary>
    public int Count => _writes.Select(write => write.Key).Distinct().Sum(key => Held(key).Count);

    /// <summary>Writes a version, replacing the value of an earlier write at the same key and timestamp.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is negative.</exception>
    public void Set(int key, int value, long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        _writes.RemoveAll(write => write.Key == key && write.Timestamp == timestamp);
        _writes.Add((key, timestamp, value));
    }

    /// <summary>Looks a key up at a timestamp.</summary>
    /// <param name="key">The key.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <returns>Whether a version held is at or before the timestamp, and the value of the last such.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is negative.</exception>
    public (bool, int) TryGet(int key, long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        var before = Held(key).Where(version => version.Timestamp <= timestamp).ToList();
        return before.Count == 0 ? (false, 0) : (true, before.MaxBy(version => version.Timestamp).Value);
    }

    private static Gen<ModelStep<TimeMap<int, int>, TimeMapModel>> Steps(TimeMapConfig config)
    {
        var keys = Gen.Int[0, config.Keys - 1];
        var values = Gen.Int[1, 999];
        Gen<long> timestamps;
        Gen<long> writeTimestamps;
        if (config.Writes == TimeMapWrites.InOrder)
        {
            // The clock moves on by 1 or more at each write, so every key's writes rise. A sequence's steps are drawn
            // in order from the generator made for it, and a shorter sequence made from it while shrinking keeps the order.
            long clock = -1;
            writeTimestamps = Gen.Int[1, config.Timestamps].Select(step => clock += step);
            // Lookups land around the clock: just before the latest writes, on them and after them.
            timestamps = Gen.Int[0, config.Timestamps].Select(step => Math.Max(0, clock + step - (config.Timestamps / 2)));
        }
        else if (config.Writes == TimeMapWrites.AnyOrder)
        {
            timestamps = Gen.Long[0, config.Timestamps];
            writeTimestamps = timestamps;
        }
        else
        {
            timestamps = Gen.Frequency((9, Gen.Long[0, config.Timestamps]), (1, Gen.Long[-2, -1]));
            writeTimestamps = timestamps;
        }

        return Gen.Frequency(
            (50, Gen.Select(keys, values, writeTimestamps, (key, value, timestamp) => ModelStep.Does<TimeMap<int, int>, TimeMapModel>(
                $"Set({key}, {value}, {timestamp})", map => map.Set(key, value, timestamp), model => model.Set(key, value, timestamp)))),
            (50, Gen.Select(keys, timestamps, (key, timestamp) => ModelStep.Returns<TimeMap<int, int>, TimeMapModel, (bool, int)>(
                $"TryGet({key}, {timestamp})", map => (map.TryGet(key, timestamp, out int value), value), model => model.TryGet(key, timestamp)))));
    }

    // The versions of a key that the retention keeps, oldest first: none that a newer one at or before the horizon
    // supersedes. In timestamp order, a version has a newer one at or before the horizon exactly when the next one is.
    private List<(long Timestamp, int Value)> Held(int key)
    {
        var versions = _writes.Where(write => write.Key == key).Select(write => (write.Timestamp, write.Value)).Order().ToList();
        if (versions.Count == 0)
        {
            return versions;
        }

        long horizon = versions[^1].Timestamp - retention;
        return [.. versions.Where((version, index) => index == versions.Count - 1 || versions[index + 1].Timestamp > horizon)];
    }
}
