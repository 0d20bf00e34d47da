using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Thousands of random operations, the cache checked after every step against a model that is too simple
/// to be wrong: a list of entries with their use counts and last-use times, searched in O(n) for the victim.
/// </summary>
public sealed class LfuCacheModelTests
{
    [Theory]
    [InlineData(1, 1, 4)]
    [InlineData(2, 2, 5)]
    [InlineData(3, 5, 12)]
    [InlineData(4, 16, 13)]
    [InlineData(5, 64, 14)]
    [InlineData(6, 100, 15)]
    public void Random_operations_match_a_list_model_step_by_step(int seed, int capacity, int keySpace)
    {
        var random = new Random(seed);
        var evicted = new List<(int Key, int Value)>();
        var cache = new LfuCache<int, int>(capacity, onEvicted: (key, value) => evicted.Add((key, value)));
        var model = new ListLfu(capacity);
        var history = new OperationHistory();
        int steps = Math.Max(5_000, capacity * 100);
        keySpace = keySpace * capacity / 10 + 2;

        for (int step = 0; step < steps; step++)
        {
            // Skewed keys, as in real traffic: low keys are hot, so use counts spread out.
            int key = (int)(keySpace * Math.Pow(random.NextDouble(), 2));
            int roll = random.Next(100);
            evicted.Clear();
            if (roll < 50)
            {
                history.Add($"TryGet({key})");
                bool hit = cache.TryGet(key, out int value);
                bool modelHit = model.TryGet(key, out int modelValue);
                hit.Should().Be(modelHit, "{0}", history);
                value.Should().Be(modelValue, "{0}", history);
            }
            else if (roll < 92)
            {
                int value = random.Next(1_000);
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
    public void Random_operation_lists_match_the_model_and_shrink_to_a_shortest_failure()
    {
        var operation = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 5], Gen.Int[0, 99], (roll, key, value) =>
            new Operation(roll < 5 ? OperationKind.Get : roll < 9 ? OperationKind.Put : OperationKind.Remove, key, value));

        Gen.Select(Gen.Int[1, 4], operation.Array[0, 50]).Sample(
            (capacity, operations) =>
            {
                var evicted = new List<(int Key, int Value)>();
                var cache = new LfuCache<int, int>(capacity, onEvicted: (key, value) => evicted.Add((key, value)));
                var model = new ListLfu(capacity);
                var history = new OperationHistory();
                foreach (var op in operations)
                {
                    history.Add(op.ToString());
                    evicted.Clear();
                    switch (op.Kind)
                    {
                        case OperationKind.Get:
                            bool hit = cache.TryGet(op.Key, out int value);
                            hit.Should().Be(model.TryGet(op.Key, out int modelValue), "{0}", history);
                            value.Should().Be(modelValue, "{0}", history);
                            break;
                        case OperationKind.Put:
                            cache.AddOrUpdate(op.Key, op.Value);
                            (int, int)? modelEvicted = model.AddOrUpdate(op.Key, op.Value);
                            evicted.Should().Equal(modelEvicted is { } entry ? [entry] : [], "{0}", history);
                            break;
                        default:
                            cache.Remove(op.Key).Should().Be(model.Remove(op.Key), "{0}", history);
                            break;
                    }

                    cache.Count.Should().Be(model.Count, "{0}", history);
                }
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

    /// <summary>The operations so far; formatted into a failure message only when an assertion fails.</summary>
    private sealed class OperationHistory
    {
        private readonly List<string> _operations = [];

        public void Add(string operation) => _operations.Add(operation);

        public override string ToString() =>
            $"after {_operations.Count} operations, the last ones being: {string.Join(", ", _operations.TakeLast(8))}";
    }

    /// <summary>An LFU cache as a list with use counts and last-use times: O(n) per operation and obviously right.</summary>
    private sealed class ListLfu(int capacity)
    {
        private readonly List<ModelEntry> _entries = [];
        private long _clock;

        public int Count => _entries.Count;

        public bool TryGet(int key, out int value)
        {
            var entry = _entries.Find(entry => entry.Key == key);
            if (entry is null)
            {
                value = 0;
                return false;
            }

            Use(entry);
            value = entry.Value;
            return true;
        }

        public (int, int)? AddOrUpdate(int key, int value)
        {
            var entry = _entries.Find(entry => entry.Key == key);
            if (entry is not null)
            {
                entry.Value = value;
                Use(entry);
                return null;
            }

            (int, int)? evicted = null;
            if (_entries.Count == capacity)
            {
                var victim = _entries.OrderBy(entry => entry.Uses).ThenBy(entry => entry.LastUse).First();
                _entries.Remove(victim);
                evicted = (victim.Key, victim.Value);
            }

            _entries.Add(new ModelEntry { Key = key, Value = value, Uses = 1, LastUse = ++_clock });
            return evicted;
        }

        public bool Remove(int key) => _entries.RemoveAll(entry => entry.Key == key) > 0;

        private void Use(ModelEntry entry)
        {
            entry.Uses++;
            entry.LastUse = ++_clock;
        }

        private sealed class ModelEntry
        {
            public int Key { get; init; }

            public int Value { get; set; }

            public int Uses { get; set; }

            public long LastUse { get; set; }
        }
    }
}
