using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Katas;

/// <summary>
/// The reference time map: a <see cref="Dictionary{TKey, TValue}"/> whose values are the keys' histories as structs
/// (<see cref="TimeMapHistory{TValue}"/>), read and written in place through a reference to the entry, so that a call
/// hashes its key once and no history is an object of its own. The contract, member by member, is the stub's XML
/// docs (src/Katas.Exercises/TimeMap/TimeMap.cs); what is said here is how this implementation meets it.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
/// <remarks>
/// <para>
/// Each history keeps its timestamps and its values in two arrays of their own, so that a lookup bisects a dense
/// array of <see cref="long"/>s and touches a value only once it has found it. The versions held are a window
/// [start, end) of those arrays: writes in order append at the end, the retention drops from the start, and the
/// window slides back to the front (or the arrays double) only when the end reaches the arrays' length.
/// </para>
/// <para>This type is not thread-safe; guard it with a lock to share it between threads.</para>
/// </remarks>
public sealed class TimeMap<TKey, TValue>
    where TKey : notnull
{
    // Each key's history, stored in the dictionary's own entries.
    private readonly Dictionary<TKey, TimeMapHistory<TValue>> _histories;

    // The number of versions held, over every key.
    private int _count;

    public TimeMap(IEqualityComparer<TKey>? comparer = null)
        : this(long.MaxValue, comparer)
    {
    }

    public TimeMap(long retention, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retention);
        Retention = retention;
        _histories = new Dictionary<TKey, TimeMapHistory<TValue>>(comparer);
    }

    public long Retention { get; }

    public int Count => _count;

    public void Set(TKey key, TValue value, long timestamp)
    {
        ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);

        // Both checks come first: a failed call must not leave a new key with an empty history behind.
        ref var history = ref CollectionsMarshal.GetValueRefOrAddDefault(_histories, key, out _);
        _count += history.Set(timestamp, value, Retention);
    }

    public bool TryGet(TKey key, long timestamp, [MaybeNullWhen(false)] out TValue value)
    {
        ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        ref var history = ref CollectionsMarshal.GetValueRefOrNullRef(_histories, key);
        if (!Unsafe.IsNullRef(ref history))
        {
            return history.TryGet(timestamp, out value);
        }

        value = default;
        return false;
    }

    // A generic `key is null` check costs nothing for value types; ArgumentNullException.ThrowIfNull would box
    // them. The throw lives out of line, so the check stays small enough to inline.
    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            ThrowArgumentNull(nameof(key));
        }
    }

    [DoesNotReturn]
    private static void ThrowArgumentNull(string paramName) => throw new ArgumentNullException(paramName);
}
