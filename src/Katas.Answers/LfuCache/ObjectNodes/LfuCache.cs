using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The LFU cache of Shah, Mitra and Matani's paper, with objects: a <see cref="Dictionary{TKey, TValue}"/> of
/// entry nodes, each in the list of its frequency node, and the frequency nodes in a list of their own in rising
/// order of use count. The contract is the stub's XML docs (src/Katas.Exercises/LfuCache/LfuCache.cs); README.md
/// beside this folder says why this design and what it costs.
/// </summary>
/// <typeparam name="TKey">The type of the keys.</typeparam>
/// <typeparam name="TValue">The type of the values.</typeparam>
public sealed class LfuCache<TKey, TValue>
    where TKey : notnull
{
    // Each key's entry node.
    private readonly Dictionary<TKey, Node> _nodes;

    private readonly Action<TKey, TValue>? _onEvicted;

    // The frequency node with the fewest uses, whose oldest entry is the next victim; null when empty.
    private FrequencyNode? _lowest;

    // Frequency nodes not in use, chained through Higher, so a full cache never makes one.
    private FrequencyNode? _spare;

    // The frequency nodes made so far, in use or spare: one per entry the cache has held at once.
    private int _frequencyNodesMade;

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
            CountUse(node);
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

        // There are never more counts in use than entries, so one frequency node per entry the cache has held at
        // once is all it ever needs, and a full cache never makes one.
        if (_frequencyNodesMade == _nodes.Count)
        {
            _spare = new FrequencyNode { Higher = _spare };
            _frequencyNodesMade++;
        }

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

        // The frequency node of the entries used as often as this one; null while it is moved.
        public FrequencyNode? Group { get; set; }

        // The neighbours in its group's list: used less and more recently.
        public Node? Older { get; set; }

        public Node? Newer { get; set; }
    }

    private sealed class FrequencyNode
    {
        // How many times each entry of the group has been used.
        public long Uses { get; set; }

        // The group's least and most recently used entries.
        public Node? Oldest { get; set; }

        public Node? Newest { get; set; }

        // The neighbouring groups, with fewer and with more uses; Higher also chains the spare nodes.
        public FrequencyNode? Lower { get; set; }

        public FrequencyNode? Higher { get; set; }
    }
}
