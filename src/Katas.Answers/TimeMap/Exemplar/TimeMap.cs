using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The time map a strong candidate writes in 45 minutes: a <see cref="Dictionary{TKey, TValue}"/> from each key to
/// its versions in a <see cref="List{T}"/> sorted by timestamp, searched by bisection; a write in order is an
/// append, a late one an insert at its place. The retention drops versions from the front by moving a start index,
/// and compacts the list when half of it is dropped. The contract is the stub's XML docs
/// (src/Katas.Exercises/TimeMap/TimeMap.cs); README.md beside this folder says why this design and what it costs.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
public sealed class TimeMap<TKey, TValue>
    where TKey : notnull
{
    // Each key's versions.
    private readonly Dictionary<TKey, History> _histories;

    public TimeMap(IEqualityComparer<TKey>? comparer = null)
        : this(long.MaxValue, comparer)
    {
    }

    public TimeMap(long retention, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retention);
        Retention = retention;
        _histories = new(comparer);
    }

    public long Retention { get; }

    public int Count { get; private set; }

    public void Set(TKey key, TValue value, long timestamp)
    {
        ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        if (!_histories.TryGetValue(key, out var history))
        {
            history = new History();
            _histories.Add(key, history);
        }

        var versions = history.Versions;
        if (versions.Count == 0 || versions[^1].Timestamp < timestamp)
        {
            versions.Add((timestamp, value));
        }
        else
        {
            int index = history.Find(timestamp);
            if (index >= history.Start && versions[index].Timestamp == timestamp)
            {
                versions[index] = (timestamp, value);
                return;
            }

            // A late write goes in after the last version before it: only the versions after it move.
            versions.Insert(index + 1, (timestamp, value));
        }

        Count++;
        Trim(history);
    }

    public bool TryGet(TKey key, long timestamp, [MaybeNullWhen(false)] out TValue value)
    {
        ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        if (_histories.TryGetValue(key, out var history))
        {
            int index = history.Find(timestamp);
            if (index >= history.Start)
            {
                value = history.Versions[index].Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private void Trim(History history)
    {
        var versions = history.Versions;
        long horizon = versions[^1].Timestamp - Retention;

        // A version goes once the next one is at or before the horizon: the one current at the horizon stays.
        while (versions.Count - history.Start > 1 && versions[history.Start + 1].Timestamp <= horizon)
        {
            versions[history.Start++] = default;
            Count--;
        }

        // Removing the dropped versions only once they are half the list keeps each drop O(1) amortized.
        if (history.Start > versions.Count / 2)
        {
            versions.RemoveRange(0, history.Start);
            history.Start = 0;
        }
    }

    // A generic `key is null` check costs nothing for value types; ArgumentNullException.ThrowIfNull would box them.
    private static void ThrowIfNull(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }
    }

    private sealed class History
    {
        // The versions in rising order of timestamp; those before Start have been dropped.
        public List<(long Timestamp, TValue Value)> Versions { get; } = [];

        // The index of the oldest version still held.
        public int Start { get; set; }

        // The index of the last version at or before the timestamp, or Start - 1 when there is none.
        public int Find(long timestamp)
        {
            int low = Start;
            int high = Versions.Count - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) / 2);
                if (Versions[middle].Timestamp <= timestamp)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return high;
        }
    }
}
