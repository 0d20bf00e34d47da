using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// A hash map that any number of threads may read and write at once: readers never take a lock, writers lock
/// only the segment their key falls in, and the table doubles while they run.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
/// <remarks>
/// <para>
/// Thread-safety: every member may be called from any number of threads at once, and each call takes effect at
/// one moment between its start and its return, as if the calls had been made one at a time in some order
/// (linearizable). That holds for <see cref="Count"/> and for the snapshot an enumeration reads too.
/// </para>
/// <para>
/// Locks: <see cref="TryGetValue"/>, and <see cref="GetOrAdd"/> of a key that is present, take no lock and never
/// wait, not for a writer, a value factory or a resize. Every other write locks only its key's segment, so
/// writes to different segments go on in parallel. Growing the table, <see cref="Count"/> and enumerating hold
/// every segment's lock at once.
/// </para>
/// <para>
/// Complexity: <see cref="TryGetValue"/>, <see cref="TryAdd"/>, <see cref="GetOrAdd"/>, <see cref="AddOrUpdate"/>
/// and <see cref="TryRemove"/> take O(1) time on average whatever the number of entries: the table doubles when
/// the entries outnumber its buckets, so an insert costs amortized O(1) time and allocates O(1) bytes on
/// average. <see cref="TryGetValue"/>, and <see cref="GetOrAdd"/> of a present key, allocate nothing.
/// <see cref="Count"/> is O(segments); an enumeration is O(n) and allocates its snapshot.
/// </para>
/// <para>The kata's instructions are src/Katas.Exercises/ConcurrentHashMap/README.md.</para>
/// </remarks>
public sealed class ConcurrentHashMap<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    /// <summary>Initializes an empty map with a default number of segments and a small table.</summary>
    /// <param name="comparer">Compares keys; <see langword="null"/> for the default equality comparer.</param>
    public ConcurrentHashMap(IEqualityComparer<TKey>? comparer = null)
    {
        throw new NotImplementedException("ConcurrentHashMap: start here. Read src/Katas.Exercises/ConcurrentHashMap/README.md, then run ./kata check concurrent-hash-map.");
    }

    /// <summary>Initializes an empty map with the given number of segments and room for the given number of entries.</summary>
    /// <param name="concurrencyLevel">
    /// How many segments the keys are spread over, each with its own lock: about how many threads may write at
    /// once without waiting for each other. Rounded up to a power of two, and capped at 1,024.
    /// </param>
    /// <param name="capacity">How many entries the map holds before its table first doubles; zero or more.</param>
    /// <param name="comparer">Compares keys; <see langword="null"/> for the default equality comparer.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="concurrencyLevel"/> is zero or negative, or <paramref name="capacity"/> is negative.
    /// </exception>
    public ConcurrentHashMap(int concurrencyLevel, int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        throw new NotImplementedException("ConcurrentHashMap: start here. Read src/Katas.Exercises/ConcurrentHashMap/README.md, then run ./kata check concurrent-hash-map.");
    }

    /// <summary>Gets the number of entries at one moment during the call.</summary>
    /// <remarks>O(segments): it holds every segment's lock at once, so it waits for writers that hold one.</remarks>
    public int Count => throw new NotImplementedException("ConcurrentHashMap.Count is not implemented yet.");

    /// <summary>Looks up a key without taking a lock.</summary>
    /// <param name="key">The key to look up.</param>
    /// <param name="value">The key's value when it is present; otherwise the default value.</param>
    /// <returns><see langword="true"/> when the key is present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Never waits and allocates nothing. The value is one that a write stored, never a mix of two writes, even
    /// when <typeparamref name="TValue"/> is a struct too large to be written in one instruction.
    /// </remarks>
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        throw new NotImplementedException("ConcurrentHashMap.TryGetValue is not implemented yet.");
    }

    /// <summary>Adds a key and its value unless the key is already present.</summary>
    /// <param name="key">The key to add.</param>
    /// <param name="value">The value to store.</param>
    /// <returns><see langword="true"/> when the key was added; <see langword="false"/> when it was present, whose value is kept.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryAdd(TKey key, TValue value)
    {
        throw new NotImplementedException("ConcurrentHashMap.TryAdd is not implemented yet.");
    }

    /// <summary>
    /// Returns a key's value, adding the value that <paramref name="valueFactory"/> makes for it when the key
    /// is missing.
    /// </summary>
    /// <param name="key">The key to look up or add.</param>
    /// <param name="valueFactory">
    /// Makes the value of a missing key. It is called at most once per key that is added: by the one call that
    /// adds the key, while that call holds the key's segment lock, so concurrent calls for the same key wait for
    /// it and return its value. It must not write to this map, count it or enumerate it (<see cref="TryGetValue"/>
    /// is fine). If it throws, nothing is added and the exception propagates.
    /// </param>
    /// <returns>The value the key has after the call: the one present, or the one made for it.</returns>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="key"/> or <paramref name="valueFactory"/> is <see langword="null"/>, even when the key is present.
    /// </exception>
    /// <remarks>When the key is present, it takes no lock, never waits and allocates nothing.</remarks>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> valueFactory)
    {
        throw new NotImplementedException("ConcurrentHashMap.GetOrAdd is not implemented yet.");
    }

    /// <summary>
    /// Adds a key with <paramref name="addValue"/> when it is missing, or replaces its value with what
    /// <paramref name="updateValueFactory"/> makes from the current one, as one atomic step.
    /// </summary>
    /// <param name="key">The key to add or update.</param>
    /// <param name="addValue">The value to store when the key is missing.</param>
    /// <param name="updateValueFactory">
    /// Makes the new value from the key and its current value. It is called exactly once when the key is present
    /// and not at all when it is missing, while the call holds the key's segment lock, so no other write to the
    /// key comes between the value it is given and the value it returns. It must not write to this map, count it or
    /// enumerate it. If it throws, the value is left as it was and the exception propagates.
    /// </param>
    /// <returns>The value stored.</returns>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="key"/> or <paramref name="updateValueFactory"/> is <see langword="null"/>, even when the key is missing.
    /// </exception>
    public TValue AddOrUpdate(TKey key, TValue addValue, Func<TKey, TValue, TValue> updateValueFactory)
    {
        throw new NotImplementedException("ConcurrentHashMap.AddOrUpdate is not implemented yet.");
    }

    /// <summary>Removes a key and returns its value, if present.</summary>
    /// <param name="key">The key to remove.</param>
    /// <param name="value">The removed value when the key was present; otherwise the default value.</param>
    /// <returns><see langword="true"/> when the key was present and has been removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryRemove(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        throw new NotImplementedException("ConcurrentHashMap.TryRemove is not implemented yet.");
    }

    /// <summary>Returns a snapshot of the entries: those present at one moment during the call, in no particular order.</summary>
    /// <returns>An enumerator over the snapshot, which later changes to the map do not affect.</returns>
    /// <remarks>O(n): it holds every segment's lock while it copies the entries, and allocates the copy.</remarks>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        throw new NotImplementedException("ConcurrentHashMap.GetEnumerator is not implemented yet.");
    }

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
