namespace Katas.Benchmarks;

/// <summary>The three calls the randomized set workload makes; implemented by small structs so the JIT specializes the loop for each set.</summary>
public interface IRandomizedSetOperations
{
    /// <summary>Adds an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was added.</returns>
    bool TryAdd(int item);

    /// <summary>Removes an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was there.</returns>
    bool Remove(int item);

    /// <summary>Draws an item.</summary>
    /// <returns>The item.</returns>
    int GetRandom();
}

/// <summary>What one step of the workload does.</summary>
public enum RandomizedSetStep : byte
{
    /// <summary>Adds an item the set does not hold.</summary>
    Add,

    /// <summary>Removes an item the set holds.</summary>
    Remove,

    /// <summary>Draws an item.</summary>
    Draw,
}

/// <summary>
/// The randomized set workload: a set of <see cref="Size"/> ints, then <see cref="Length"/> steps, a third each adds
/// of absent items, removals of held items and draws, in a seeded random order. The second half undoes the first
/// in reverse (each add removed, each removal added back), so that every run leaves the set as it found it, at
/// about <see cref="Size"/> items throughout.
/// </summary>
public static class RandomizedSetWorkload
{
    /// <summary>The items the set holds before and after a run: 0 to Size - 1.</summary>
    public const int Size = 1_024;

    /// <summary>The steps of a run.</summary>
    public const int Length = 12_288;

    /// <summary>Makes the steps of a run, from a fixed seed.</summary>
    /// <returns>The steps, each with its item (unused by a draw).</returns>
    public static (RandomizedSetStep Step, int Item)[] Steps()
    {
        var random = new Random(20261201);
        var held = new List<int>(Enumerable.Range(0, Size));
        var absent = new List<int>(Enumerable.Range(Size, Size));
        var half = new List<(RandomizedSetStep Step, int Item)>(Length / 2);
        for (int i = 0; i < Length / 2; i++)
        {
            var step = (RandomizedSetStep)random.Next(3);
            half.Add(step switch
            {
                RandomizedSetStep.Add => (step, Move(absent, held, random)),
                RandomizedSetStep.Remove => (step, Move(held, absent, random)),
                _ => (step, 0),
            });
        }

        var undo = Enumerable.Reverse(half).Select(entry => entry.Step switch
        {
            RandomizedSetStep.Add => (RandomizedSetStep.Remove, entry.Item),
            RandomizedSetStep.Remove => (RandomizedSetStep.Add, entry.Item),
            _ => entry,
        });
        return [.. half, .. undo];

        // Moves a random item from one list to the other and returns it.
        static int Move(List<int> from, List<int> to, Random random)
        {
            int index = random.Next(from.Count);
            int item = from[index];
            from[index] = from[^1];
            from.RemoveAt(from.Count - 1);
            to.Add(item);
            return item;
        }
    }

    /// <summary>Fills a set with the items it holds between runs.</summary>
    /// <typeparam name="TSet">The set's operations.</typeparam>
    /// <param name="set">The set, empty.</param>
    public static void Fill<TSet>(TSet set)
        where TSet : struct, IRandomizedSetOperations
    {
        for (int item = 0; item < Size; item++)
        {
            set.TryAdd(item);
        }
    }

    /// <summary>Runs the steps once.</summary>
    /// <typeparam name="TSet">The set's operations; a struct, so that the calls are not virtual.</typeparam>
    /// <param name="set">The set, holding 0 to <see cref="Size"/> - 1; it holds them again on return.</param>
    /// <param name="steps">The steps.</param>
    /// <returns>A checksum of the draws and the results, so that nothing is optimized away.</returns>
    public static int Run<TSet>(TSet set, (RandomizedSetStep Step, int Item)[] steps)
        where TSet : struct, IRandomizedSetOperations
    {
        int checksum = 0;
        foreach (var (step, item) in steps)
        {
            checksum += step switch
            {
                RandomizedSetStep.Add => set.TryAdd(item) ? 1 : 0,
                RandomizedSetStep.Remove => set.Remove(item) ? 1 : 0,
                _ => set.GetRandom(),
            };
        }

        return checksum;
    }
}

/// <summary>
/// The randomized set a candidate reaches for first: a <see cref="HashSet{T}"/>, drawing with
/// <c>ElementAt(random.Next(Count))</c>, which walks the set's entries to the k-th one: O(n) per draw.
/// </summary>
public sealed class HashSetElementAtSet
{
    private readonly HashSet<int> _items = [];
    private readonly Random _random = new();

    /// <summary>Adds an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was added.</returns>
    public bool TryAdd(int item) => _items.Add(item);

    /// <summary>Removes an item.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was there.</returns>
    public bool Remove(int item) => _items.Remove(item);

    /// <summary>Draws an item by walking to a random position.</summary>
    /// <returns>The item.</returns>
    public int GetRandom() => _items.ElementAt(_random.Next(_items.Count));
}
