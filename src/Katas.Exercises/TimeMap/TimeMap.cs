using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// A key-value store that remembers every value a key has had, each with the timestamp it was set at, and
/// answers "what was this key's value at time t?" with the version of the greatest timestamp at or before t.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
/// <remarks>
/// <para>
/// A timestamp is a <see cref="long"/>, zero or more, in whatever unit the caller keeps time (milliseconds since
/// an epoch, ticks, a sequence number): the map only compares timestamps, and subtracts the retention from one.
/// Writes may come in any order; a second write at a key's timestamp replaces the value there.
/// </para>
/// <para>
/// For a key with n versions, <see cref="TryGet"/> runs in O(log n) time whatever the timestamps are. A
/// <see cref="Set"/> after the key's newest timestamp runs in amortized O(1) time (the storage grows by doubling),
/// and a late one in O(log n + k), where k is the number of the key's versions newer than it: a write a few
/// versions late is cheap. Each call hashes its key a constant number of times. With a retention, dropping the
/// versions that fall behind costs amortized O(1) per <see cref="Set"/>, and a stream of writes whose window of
/// versions has stopped growing allocates nothing. <see cref="TryGet"/> never allocates.
/// </para>
/// <para>Not thread-safe: one thread at a time. The kata's instructions are src/Katas.Exercises/TimeMap/README.md.</para>
/// </remarks>
public sealed class TimeMap<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Initializes an empty map that keeps every version it is given.</summary>
    /// <param name="comparer">Compares keys; <see langword="null"/> for the default equality comparer.</param>
    /// <remarks>The same as a retention of <see cref="long.MaxValue"/>.</remarks>
    public TimeMap(IEqualityComparer<TKey>? comparer = null)
    {
        throw new NotImplementedException("TimeMap: start here. Read src/Katas.Exercises/TimeMap/README.md, then run ./kata check time-map.");
    }

    /// <summary>
    /// Initializes an empty map that keeps, for each key, only the versions that still matter within
    /// <paramref name="retention"/> of the key's newest timestamp.
    /// </summary>
    /// <param name="retention">
    /// How far back from each key's newest timestamp lookups must still be answered, in the timestamps' unit. Call
    /// the key's newest timestamp minus the retention its horizon: a version is dropped once a newer version of the
    /// same key has a timestamp at or before the horizon. So the version that was current at the horizon is kept, and
    /// a lookup at or after the horizon answers as if nothing had been dropped. Each key has its own horizon, moved
    /// only by writes to that key. Zero keeps only the newest version of each key; <see cref="long.MaxValue"/> keeps
    /// every version.
    /// </param>
    /// <param name="comparer">Compares keys; <see langword="null"/> for the default equality comparer.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retention"/> is negative.</exception>
    public TimeMap(long retention, IEqualityComparer<TKey>? comparer = null)
    {
        throw new NotImplementedException("TimeMap: the retention is stage 4. Read src/Katas.Exercises/TimeMap/README.md.");
    }

    /// <summary>Gets how far back from each key's newest timestamp versions are kept; <see cref="long.MaxValue"/> when every version is.</summary>
    public long Retention => throw new NotImplementedException("TimeMap.Retention is not implemented yet.");

    /// <summary>Gets the number of versions the map holds, over all its keys.</summary>
    /// <remarks>A rewrite at a timestamp the key already has does not change it; a version dropped by the retention leaves it.</remarks>
    public int Count => throw new NotImplementedException("TimeMap.Count is not implemented yet.");

    /// <summary>
    /// Sets a key's value from a timestamp on: a new version of the key, or the value of the version the key already
    /// has at that timestamp. The timestamp may be older than the key's newest one (a late write).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value; <see langword="null"/> or default values are stored like any other.</param>
    /// <param name="timestamp">When the value was set; zero or more.</param>
    /// <remarks>
    /// Amortized O(1) at or after the key's newest timestamp; O(log n + k) for a late write, k being the number of
    /// the key's versions newer than it. With a retention, a write so late that it would be dropped at once (a newer
    /// version of the key is at or before the horizon) is accepted and changes nothing.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>; nothing changes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is negative; nothing changes.</exception>
    public void Set(TKey key, TValue value, long timestamp)
    {
        throw new NotImplementedException("TimeMap.Set is not implemented yet.");
    }

    /// <summary>Looks up a key's value at a timestamp: the value of its version with the greatest timestamp at or before it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="timestamp">The time to look at; zero or more.</param>
    /// <param name="value">The value found; otherwise the default value.</param>
    /// <returns>
    /// <see langword="true"/> when the map holds a version of the key at or before <paramref name="timestamp"/>;
    /// <see langword="false"/> for an unknown key or a timestamp before the oldest version held.
    /// </returns>
    /// <remarks>O(log n) for a key with n versions, whatever the gaps between their timestamps; allocates nothing.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is negative.</exception>
    public bool TryGet(TKey key, long timestamp, [MaybeNullWhen(false)] out TValue value)
    {
        throw new NotImplementedException("TimeMap.TryGet is not implemented yet.");
    }
}
