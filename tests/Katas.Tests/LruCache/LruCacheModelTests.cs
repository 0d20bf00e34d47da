using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Thousands of random operations from fixed seeds, the cache checked after every step against a model
/// that is too simple to be wrong: a list ordered from least to most recently used.
/// </summary>
public sealed class LruCacheModelTests
{
    [Theory]
    [InlineData(1, 4, 11)]
    [InlineData(2, 5, 12)]
    [InlineData(3, 16, 13)]
    [InlineData(4, 64, 14)]
    [InlineData(5, 100, 15)]
    public void Random_operations_match_a_list_model_step_by_step(int seed, int capacity, int keySpace)
    {
        var random = new Random(seed);
        var evicted = new List<(int Key, int Value)>();
        var cache = new LruCache<int, int>(capacity, onEvicted: (key, value) => evicted.Add((key, value)));
        var model = new ListLru(capacity);
        var history = new History();
        int steps = Math.Max(5_000, capacity * 100);
        keySpace = keySpace * capacity / 10 + 2;

        for (int step = 0; step < steps; step++)
        {
            int key = random.Next(keySpace);
            int roll = random.Next(100);
            evicted.Clear();
            if (roll < 45)
            {
                history.Add($"TryGet({key})");
                bool hit = cache.TryGet(key, out int value);
                bool modelHit = model.TryGet(key, out int modelValue);
                hit.Should().Be(modelHit, "{0}", history);
                value.Should().Be(modelValue, "{0}", history);
            }
            else if (roll < 90)
            {
                int value = random.Next();
                history.Add($"AddOrUpdate({key}, {value})");
                cache.AddOrUpdate(key, value);
                (int, int)? modelEvicted = model.AddOrUpdate(key, value);
                evicted.Should().Equal(modelEvicted is { } entry ? [entry] : [], "{0}", history);
            }
            else
            {
                history.Add($"Remove({key})");
                cache.Remove(key).Should().Be(model.Remove(key), "{0}", history);
                evicted.Should().BeEmpty("{0}", history);
            }

            cache.Count.Should().Be(model.Count, "{0}", history);
        }
    }

    [Fact]
    public void Random_operation_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list()
    {
        var operation = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 6], Gen.Int[0, 99], (roll, key, value) =>
            new Operation(roll < 4 ? OperationKind.Get : roll < 9 ? OperationKind.Put : OperationKind.Remove, key, value));

        // On a failure CsCheck shrinks the list and reports the shortest one that still fails.
        Gen.Select(Gen.Int[1, 4], operation.Array[0, 60]).Sample(
            (capacity, operations) =>
            {
                var evicted = new List<(int Key, int Value)>();
                var cache = new LruCache<int, int>(capacity, onEvicted: (key, value) => evicted.Add((key, value)));
                var model = new ListLru(capacity);
                foreach (var op in operations)
                {
                    evicted.Clear();
                    switch (op.Kind)
                    {
                        case OperationKind.Get:
                            bool hit = cache.TryGet(op.Key, out int value);
                            if (hit != model.TryGet(op.Key, out int modelValue) || value != modelValue)
                            {
                                return false;
                            }

                            break;
                        case OperationKind.Put:
                            cache.AddOrUpdate(op.Key, op.Value);
                            if (!evicted.SequenceEqual(model.AddOrUpdate(op.Key, op.Value) is { } entry ? [entry] : []))
                            {
                                return false;
                            }

                            break;
                        default:
                            if (cache.Remove(op.Key) != model.Remove(op.Key) || evicted.Count > 0)
                            {
                                return false;
                            }

                            break;
                    }

                    if (cache.Count != model.Count)
                    {
                        return false;
                    }
                }

                return true;
            },
            iter: 3_000,
            print: input => $"capacity {input.Item1}: {string.Join(", ", input.Item2)}");
    }

    private enum OperationKind
    {
        Get,
        Put,
        Remove,
    }

    private readonly record struct Operation(OperationKind Kind, int Key, int Value)
    {
        public override string ToString() => Kind switch
        {
            OperationKind.Get => $"TryGet({Key})",
            OperationKind.Put => $"AddOrUpdate({Key}, {Value})",
            _ => $"Remove({Key})",
        };
    }

    /// <summary>The operations so far, formatted into a failure message only when an assertion fails.</summary>
    private sealed class History
    {
        private readonly List<string> _operations = [];

        public void Add(string operation) => _operations.Add(operation);

        public override string ToString() =>
            $"after {_operations.Count} operations, the last ones being: {string.Join(", ", _operations.TakeLast(8))}";
    }

    /// <summary>An LRU cache as a list, least recent first: O(n) per operation and obviously right.</summary>
    private sealed class ListLru(int capacity)
    {
        private readonly List<(int Key, int Value)> _entries = [];

        public int Count => _entries.Count;

        public bool TryGet(int key, out int value)
        {
            int index = _entries.FindIndex(entry => entry.Key == key);
            if (index < 0)
            {
                value = 0;
                return false;
            }

            var entry = _entries[index];
            _entries.RemoveAt(index);
            _entries.Add(entry);
            value = entry.Value;
            return true;
        }

        public (int, int)? AddOrUpdate(int key, int value)
        {
            int index = _entries.FindIndex(entry => entry.Key == key);
            (int, int)? evicted = null;
            if (index >= 0)
            {
                _entries.RemoveAt(index);
            }
            else if (_entries.Count == capacity)
            {
                evicted = _entries[0];
                _entries.RemoveAt(0);
            }

            _entries.Add((key, value));
            return evicted;
        }

        public bool Remove(int key) => _entries.RemoveAll(entry => entry.Key == key) > 0;
    }
}
