namespace Katas.Benchmarks;

/// <summary>
/// A time map from the BCL's sorted list: a <see cref="Dictionary{TKey, TValue}"/> from key to a
/// <see cref="SortedList{TKey, TValue}"/> of its versions. <see cref="SortedList{TKey, TValue}"/> has no search for
/// the greatest key at or below a value, so a lookup bisects its keys with <c>GetKeyAtIndex</c>, which reads the
/// list's own sorted array. A write is the list's indexer: a bisection, then an insert that shifts the later keys.
/// </summary>
/// <remarks>
/// A peer, not one of the kata's answers: it has only the calls the benchmark makes (int keys and values, no
/// comparer, no retention), and a retention on it could only drop a version with <c>RemoveAt(0)</c>, which shifts
/// every other version: O(n) per drop.
/// </remarks>
public sealed class SortedListTimeMap
{
    private readonly Dictionary<int, SortedList<long, int>> _histories = [];

    /// <summary>Writes a version.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="timestamp">The timestamp.</param>
    public void Set(int key, int value, long timestamp)
    {
        if (!_histories.TryGetValue(key, out var versions))
        {
            versions = [];
            _histories.Add(key, versions);
        }

        versions[timestamp] = value;
    }

    /// <summary>Looks a key up at a timestamp.</summary>
    /// <param name="key">The key.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <param name="value">The value found.</param>
    /// <returns>Whether a version is at or before the timestamp.</returns>
    public bool TryGet(int key, long timestamp, out int value)
    {
        if (_histories.TryGetValue(key, out var versions))
        {
            int low = 0;
            int high = versions.Count - 1;
            while (low <= high)
            {
                int middle = low + ((high - low) / 2);
                if (versions.GetKeyAtIndex(middle) <= timestamp)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            if (high >= 0)
            {
                value = versions.GetValueAtIndex(high);
                return true;
            }
        }

        value = 0;
        return false;
    }
}

/// <summary>
/// A time map from the BCL's balanced tree: a <see cref="Dictionary{TKey, TValue}"/> from key to a
/// <see cref="SortedDictionary{TKey, TValue}"/> of its versions. A write is O(log n). A lookup at a version's own
/// timestamp is too, but <see cref="SortedDictionary{TKey, TValue}"/> has no search for the greatest key at or below
/// a value and no view of a range (those are <see cref="SortedSet{T}"/>'s), so any other lookup walks the versions
/// in order from the oldest and stops at the first one after the timestamp: O(n), and the enumerator allocates.
/// </summary>
/// <remarks>A peer, not one of the kata's answers: it has only the calls the benchmark makes, and its lookups are O(n).</remarks>
public sealed class SortedDictionaryTimeMap
{
    private readonly Dictionary<int, SortedDictionary<long, int>> _histories = [];

    /// <summary>Writes a version.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="timestamp">The timestamp.</param>
    public void Set(int key, int value, long timestamp)
    {
        if (!_histories.TryGetValue(key, out var versions))
        {
            versions = [];
            _histories.Add(key, versions);
        }

        versions[timestamp] = value;
    }

    /// <summary>Looks a key up at a timestamp.</summary>
    /// <param name="key">The key.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <param name="value">The value found.</param>
    /// <returns>Whether a version is at or before the timestamp.</returns>
    public bool TryGet(int key, long timestamp, out int value)
    {
        value = 0;
        if (!_histories.TryGetValue(key, out var versions))
        {
            return false;
        }

        if (versions.TryGetValue(timestamp, out value))
        {
            return true;
        }

        bool found = false;
        foreach (var (versionTimestamp, versionValue) in versions)
        {
            if (versionTimestamp > timestamp)
            {
                break;
            }

            value = versionValue;
            found = true;
        }

        return found;
    }
}
