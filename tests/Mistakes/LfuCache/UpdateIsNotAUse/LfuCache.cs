// Mistake: an update replaces the value but does not count as a use, so an often-updated entry can be evicted as if it were cold.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

public sealed class LfuCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Node> _nodes;
    private readonly Action<TKey, TValue>? _onEvicted;
    private FrequencyNode? _lowest;
    private FrequencyNode? _spare;

    public LfuCache(int capacity, IEqualityComparer<TKey>? comparer = null, Action<TKey, TValue>? onEvicted = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _nodes = new(comparer);
        _onEvicted = onEvicted;
    }

    public int Capacity { get; }

    public int Count => _nodes.Count;

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_nodes.TryGetValue(key, out var node))
        {
            CountUse(node);
            value = node.Value;
            return true;
        }

        value = default;
        return false;
    }

    public void AddOrUpdate(TKey key, TValue value)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_nodes.TryGetValue(key, out var node))
        {
            node.Value = value;
            return;
        }

        if (_nodes.Count == Capacity)
        {
            var victim = _lowest!.Oldest!;
            TKey evictedKey = victim.Key;
            TValue evictedValue = victim.Value;
            Detach(victim);
            _nodes.Remove(evictedKey);
            victim.Key = key;
            victim.Value = value;
            Attach(victim, OneUseGroup());
            _nodes.Add(key, victim);
            _onEvicted?.Invoke(evictedKey, evictedValue);
            return;
        }

        // One frequency node per entry, made while the cache grows: there are never more counts than entries,
        // so a full cache never needs a new one.
        _spare = new FrequencyNode { Higher = _spare };
        node = new Node(key, value);
        Attach(node, OneUseGroup());
        _nodes.Add(key, node);
    }

    public bool Remove(TKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (!_nodes.Remove(key, out var node))
        {
            return false;
        }

        Detach(node);
        return true;
    }

    private void CountUse(Node node)
    {
        var group = node.Group!;
        var higher = group.Higher;
        if (higher is null || higher.Uses != group.Uses + 1)
        {
            if (group.Oldest == group.Newest)
            {
                // Alone in its group, and no group one count up: the group itself moves up.
                group.Uses++;
                return;
            }

            higher = NewGroup(group.Uses + 1, group, higher);
        }

        Detach(node);
        Attach(node, higher);
    }

    private FrequencyNode OneUseGroup() =>
        _lowest is { Uses: 1 } lowest ? lowest : NewGroup(1, null, _lowest);

    private FrequencyNode NewGroup(long uses, FrequencyNode? lower, FrequencyNode? higher)
    {
        var group = _spare ?? new FrequencyNode();
        _spare = _spare?.Higher;
        group.Uses = uses;
        group.Lower = lower;
        group.Higher = higher;
        if (lower is null)
        {
            _lowest = group;
        }
        else
        {
            lower.Higher = group;
        }

        if (higher is not null)
        {
            higher.Lower = group;
        }

        return group;
    }

    private static void Attach(Node node, FrequencyNode group)
    {
        node.Group = group;
        node.Newer = null;
        node.Older = group.Newest;
        if (group.Newest is null)
        {
            group.Oldest = node;
        }
        else
        {
            group.Newest.Newer = node;
        }

        group.Newest = node;
    }

    private void Detach(Node node)
    {
        var group = node.Group!;
        if (node.Older is null)
        {
            group.Oldest = node.Newer;
        }
        else
        {
            node.Older.Newer = node.Newer;
        }

        if (node.Newer is null)
        {
            group.Newest = node.Older;
        }
        else
        {
            node.Newer.Older = node.Older;
        }

        node.Older = node.Newer = null;
        node.Group = null;
        if (group.Oldest is null)
        {
            if (group.Lower is null)
            {
                _lowest = group.Higher;
            }
            else
            {
                group.Lower.Higher = group.Higher;
            }

            if (group.Higher is not null)
            {
                group.Higher.Lower = group.Lower;
            }

            group.Lower = null;
            group.Higher = _spare;
            _spare = group;
        }
    }

    private sealed class Node(TKey key, TValue value)
    {
        public TKey Key { get; set; } = key;

        public TValue Value { get; set; } = value;

        public FrequencyNode? Group { get; set; }

        public Node? Older { get; set; }

        public Node? Newer { get; set; }
    }

    private sealed class FrequencyNode
    {
        public long Uses { get; set; }

        public Node? Oldest { get; set; }

        public Node? Newest { get; set; }

        public FrequencyNode? Lower { get; set; }

        public FrequencyNode? Higher { get; set; }
    }
}
