namespace Katas;

/// <summary>
/// A set of distinct items that can hand back one of them at random: every held item equally likely, all in
/// constant time.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// <see cref="TryAdd"/>, <see cref="Remove"/> and <see cref="Contains"/> must run in O(1) time on average, with a
/// constant number of calls to the comparer each (<see cref="TryAdd"/> amortized: growing the storage may copy it,
/// as doubling does); <see cref="GetRandom"/> and <see cref="Count"/> in O(1) however many items were added and
/// removed before. Once the set has held as many items as it will, adding, removing and drawing allocate nothing, and a
/// removed item is no longer referenced by the set.
/// </para>
/// <para>
/// <see langword="null"/> is not an item: every method refuses it, as <see cref="Dictionary{TKey, TValue}"/>
/// refuses a null key, so that <see cref="GetRandom"/> only ever returns something that was added.
/// </para>
/// <para>Not thread-safe. See src/Katas.Exercises/RandomizedSet/README.md.</para>
/// </remarks>
public sealed class RandomizedSet<T>
    where T : notnull
{
    /// <summary>Initializes an empty set.</summary>
    /// <param name="random">
    /// Makes the draws of <see cref="GetRandom"/>: a seeded <see cref="Random"/> makes them repeatable, given the
    /// same calls. <see langword="null"/> for a new <see cref="Random"/> with an unpredictable seed.
    /// </param>
    /// <param name="comparer">Compares items; <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    public RandomizedSet(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        throw new NotImplementedException("RandomizedSet: start here. Read src/Katas.Exercises/RandomizedSet/README.md, then run ./kata check randomized-set.");
    }

    /// <summary>Gets the number of items in the set.</summary>
    /// <remarks>O(1).</remarks>
    public int Count => throw new NotImplementedException("RandomizedSet.Count is not implemented yet.");

    /// <summary>Adds an item unless the set already holds one equal to it.</summary>
    /// <param name="item">The item to add.</param>
    /// <returns><see langword="true"/> when the item was added; <see langword="false"/> when it was already there, and nothing changed.</returns>
    /// <remarks>O(1) on average, amortized over the growth of the storage.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool TryAdd(T item)
    {
        throw new NotImplementedException("RandomizedSet.TryAdd is not implemented yet.");
    }

    /// <summary>Removes an item, if the set holds it.</summary>
    /// <param name="item">The item to remove.</param>
    /// <returns><see langword="true"/> when the item was there and has been removed.</returns>
    /// <remarks>O(1) on average: no scan, and no shifting of the items after it.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool Remove(T item)
    {
        throw new NotImplementedException("RandomizedSet.Remove is not implemented yet.");
    }

    /// <summary>Tells whether the set holds an item.</summary>
    /// <param name="item">The item to look for.</param>
    /// <returns><see langword="true"/> when the set holds an item equal to it.</returns>
    /// <remarks>O(1) on average.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool Contains(T item)
    {
        throw new NotImplementedException("RandomizedSet.Contains is not implemented yet.");
    }

    /// <summary>Returns one of the items, chosen at random, without removing it.</summary>
    /// <returns>
    /// An item of the set, as it was added. Each held item is returned with probability 1 / <see cref="Count"/>,
    /// whatever was added and removed before and independently of earlier draws.
    /// </returns>
    /// <remarks>O(1) on average, and no calls to the comparer.</remarks>
    /// <exception cref="InvalidOperationException">The set is empty.</exception>
    public T GetRandom()
    {
        throw new NotImplementedException("RandomizedSet.GetRandom is not implemented yet.");
    }
}
