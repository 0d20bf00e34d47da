using CsCheck;

namespace Katas.Tests;

/// <summary>
/// A set of ints as a list, scanned to answer every question: O(n) per call and obviously right. Which item a draw
/// returns cannot be foretold, so the model says only which items a draw may return.
/// </summary>
internal sealed class RandomizedSetModel
{
    // After every step the set is asked whether it holds each of the values below this.
    private const int ValuesCheckedEveryStep = 64;

    private readonly List<int> _items = [];

    /// <summary>Gets the number of items.</summary>
    public int Count => _items.Count;

    /// <summary>
    /// The model test of the set, declared once: random adds, removes, lookups and draws over the values 0 to
    /// <c>Values</c> - 1, the count and the membership of the values below 64 compared after every step. A draw
    /// must return an item the model holds, or throw <see cref="InvalidOperationException"/> when it holds none. A
    /// drifting run alternates between phases of 2,000 steps that mostly add (60 % of the adds and removes) and
    /// mostly remove, so the set grows large and is emptied now and then. The set draws from a fixed seed, so a
    /// failing list of calls fails again the same way while CsCheck shrinks it.
    /// </summary>
    public static ModelTest<(int Values, bool Drifting), RandomizedSet<int>, RandomizedSetModel> Test { get; } = new(
        _ => new RandomizedSet<int>(new Random(1)),
        _ => new RandomizedSetModel(),
        Steps)
    {
        Invariant = Agree,
        DescribeConfig = config => $"items from 0 to {config.Values - 1}",
    };

    /// <summary>Adds an item unless it is there.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was added.</returns>
    public bool TryAdd(int item)
    {
        if (_items.Contains(item))
        {
            return false;
        }

        _items.Add(item);
        return true;
    }

    /// <summary>Removes an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was there.</returns>
    public bool Remove(int item) => _items.Remove(item);

    /// <summary>Tells whether the model holds an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it is there.</returns>
    public bool Contains(int item) => _items.Contains(item);

    /// <summary>Describes the items, for a failure message.</summary>
    /// <returns>The items, in the order they were added.</returns>
    public override string ToString() => Structural.Format(_items);

    private static Gen<ModelStep<RandomizedSet<int>, RandomizedSetModel>> Steps((int Values, bool Drifting) config)
    {
        var item = Gen.Int[0, config.Values - 1];
        var add = item.Select(value => ModelStep.Returns<RandomizedSet<int>, RandomizedSetModel, bool>(
            $"TryAdd({value})", s => s.TryAdd(value), m => m.TryAdd(value)));
        var remove = item.Select(value => ModelStep.Returns<RandomizedSet<int>, RandomizedSetModel, bool>(
            $"Remove({value})", s => s.Remove(value), m => m.Remove(value)));
        var contains = item.Select(value => ModelStep.Returns<RandomizedSet<int>, RandomizedSetModel, bool>(
            $"Contains({value})", s => s.Contains(value), m => m.Contains(value)));
        var draw = Gen.Const(new ModelStep<RandomizedSet<int>, RandomizedSetModel>("GetRandom()", (s, m) => Drawn(Outcome.Of(s.GetRandom), m)));
        if (!config.Drifting)
        {
            return Gen.Frequency((4, add), (3, remove), (1, contains), (2, draw));
        }

        // A run draws its steps one after another from the generator made for it, so the generator can count them.
        int step = 0;
        return Gen.Int[0, 99].SelectMany(roll =>
        {
            int addsInAHundred = step++ / 2_000 % 2 == 0 ? 42 : 28;
            return roll < addsInAHundred ? add : roll < 70 ? remove : roll < 80 ? contains : draw;
        });
    }

    private static string? Drawn(Outcome<int> drawn, RandomizedSetModel model)
    {
        if (model.Count == 0)
        {
            return drawn.Exception == typeof(InvalidOperationException)
                ? null
                : $"GetRandom() on an empty set {(drawn.Exception is null ? "returned " : "")}{drawn}, but must throw InvalidOperationException";
        }

        if (drawn.Exception is not null)
        {
            return $"GetRandom() {drawn}, but the set holds {model}";
        }

        return model.Contains(drawn.Value) ? null : $"GetRandom() returned {drawn.Value}, which the set does not hold: it holds {model}";
    }

    private static string? Agree(RandomizedSet<int> set, RandomizedSetModel model)
    {
        if (set.Count != model.Count)
        {
            return $"Count is {set.Count}, but the set holds {model}";
        }

        for (int value = 0; value < ValuesCheckedEveryStep; value++)
        {
            if (set.Contains(value) != model.Contains(value))
            {
                return $"Contains({value}) is {(set.Contains(value) ? "true" : "false")}, but the set holds {model}";
            }
        }

        return null;
    }
}
