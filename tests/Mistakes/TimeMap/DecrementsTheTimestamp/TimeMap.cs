// Mistake: a different design, not an edit of an answer. Every version in one dictionary by (key, timestamp), and a lookup that walks the timestamp down one at a time until it hits a version: always right, and O(1) per step, but a lookup costs the gap to the version before it, whatever that is.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

public sealed class TimeMap<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<(TKey Key, long Timestamp), TValue> _versions;
    private readonly Dictionary<TKey, (long Oldest, long Newest)> _ranges;

    public TimeMap(IEqualityComparer<TKey>? comparer = null)
    {
        var keys = comparer ?? EqualityComparer<TKey>.Default;
        _versions = new(new VersionComparer(keys));
        _ranges = new(keys);
    }

    public TimeMap(long retention, IEqualityComparer<TKey>? comparer = null)
        : this(comparer)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retention);
        Retention = retention;
    }

    public long Retention { get; } = long.MaxValue;

    public int Count => _versions.Count;

    public void Set(TKey key, TValue value, long timestamp)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        _versions[(key, timestamp)] = value;
        _ranges[key] = _ranges.TryGetValue(key, out var range)
            ? (Math.Min(range.Oldest, timestamp), Math.Max(range.Newest, timestamp))
            : (timestamp, timestamp);
    }

    public bool TryGet(TKey key, long timestamp, [MaybeNullWhen(false)] out TValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        if (_ranges.TryGetValue(key, out var range))
        {
            // Walk down from the newest version, or from the timestamp asked for if that is earlier.
            for (long t = Math.Min(timestamp, range.Newest); t >= range.Oldest; t--)
            {
                if (_versions.TryGetValue((key, t), out value))
                {
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    private sealed class VersionComparer(IEqualityComparer<TKey> keys) : IEqualityComparer<(TKey Key, long Timestamp)>
    {
        public bool Equals((TKey Key, long Timestamp) x, (TKey Key, long Timestamp) y) => x.Timestamp == y.Timestamp && keys.Equals(x.Key, y.Key);

        public int GetHashCode((TKey Key, long Timestamp) obj) => HashCode.Combine(keys.GetHashCode(obj.Key), obj.Timestamp);
    }
}
