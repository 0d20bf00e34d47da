using CsCheck;

namespace Katas.Tests;

/// <summary>
/// A randomized collection of ints as a list of every occurrence, scanned to answer every question: O(n) per call and
/// obviously right. As for the set, the model says only which items a draw may return.
/// </summary>
internal sealed class RandomizedCollectionModel
{
    // After every step the collection is asked whether it holds each of the values below this.
    private const int ValuesCheckedEveryStep = 32;

    private readonly List<int> _occurrences = [];

    /// <summary>Gets the number of occurrences.</summary>
    public int Count => _occurrences.Count;

    /// <summary>
    /// The model test of the collection, declared once: random adds, removes, lookups and draws over the values 0 to
    /// <c>Values</c> - 1, so that items repeat, with the count and the membership of the values below 32 compared
    /// after every step. A drifting run alternates between phases of 2,000 steps that mostly add and mostly remove, as
    /// the set's does. The collection draws from a fixed seed, so a failing list of calls fails again the same way
    /// while CsCheck shrinks it.
    /// </summary>
    public static ModelTest<(int Values, bool Drifting), RandomizedCollection<int>, RandomizedCollectionModel> Test { get; } = new(
        _ => new RandomizedCollection<int>(new Random(1)),
        _ => new RandomizedCollectionModel(),
        Steps)
    {
        Invariant = Agree,
        DescribeConfig = config => $"items from 0 to {config.Values - 1}",
    };

    /// <summary>Adds an occurrence.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether the item was not held before.</returns>
    public bool Add(int item)
    {
        bool isNew = !_occurrences.Contains(item);
        _occurrences.Add(item);
        return isNew;
    }

    /// <summary>Removes one occurrence.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether there was one.</returns>
    public bool Remove(int item) => _occurrences.Remove(item);

    /// <summary>Tells whether the model holds an occurrence of an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it does.</returns>
    public bool Contains(int item) => _occurrences.Contains(item);

    /// <summary>Describes the occurrences, for a failure message.</summary>
    /// <returns>The occurrences, sorted.</returns>
    public override string ToString() => Structural.Format(_occurrences.Order());

    private static Gen<ModelStep<RandomizedCollection<int>, RandomizedCollectionModel>> Steps((int Values, bool Drifting) config)
    {
        var item = Gen.Int[0, config.Values - 1];
        var add = item.Select(value => ModelStep.Returns<RandomizedCollection<int>, RandomizedCollectionModel, bool>(
            $"Add({value})", s => s.Add(value), m => m.Add(value)));
        var remove = item.Select(value => ModelStep.Returns<RandomizedCollection<int>, RandomizedCollectionModel, bool>(
            $"Remove({value})", s => s.Remove(value), m => m.Remove(value)));
        var contains = item.Select(value => ModelStep.Returns<RandomizedCollection<int>, RandomizedCollectionModel, bool>(
            $"Contains({value})", s => s.Contains(value), m => m.Contains(value)));
        var draw = Gen.Const(new ModelStep<RandomizedCollection<int>, RandomizedCollectionModel>("GetRandom()", (s, m) => Drawn(Outcome.Of(s.GetRandom), m)));
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

    private static string? Drawn(Outcome<int> drawn, RandomizedCollectionModel model)
    {
        if (model.Count == 0)
        {
            return drawn.Exception == typeof(InvalidOperationException)
                ? null
                : $"GetRandom() on an empty collection {(drawn.Exception is null ? "returned " : "")}{drawn}, but must throw InvalidOperationException";
        }

        if (drawn.Exception is not null)
        {
            return $"GetRandom() {drawn}, but the collection holds {model}";
        }

        return model.Contains(drawn.Value) ? null : $"GetRandom() returned {drawn.Value}, which the collection does not hold: it holds {model}";
    }

    private static string? Agree(RandomizedCollection<int> collection, RandomizedCollectionModel model)
    {
        if (collection.Count != model.Count)
        {
            return $"Count is {collection.Count}, but the collection holds {model}";
        }

        for (int value = 0; value < ValuesCheckedEveryStep; value++)
        {
            if (collection.Contains(value) != model.Contains(value))
            {
                return $"Contains({value}) is {(collection.Contains(value) ? "true" : "false")}, but the collection holds {model}";
            }
        }

        return null;
    }
}
