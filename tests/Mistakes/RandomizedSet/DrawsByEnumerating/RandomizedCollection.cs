// Mistake: a different design, not an edit of an answer. A HashSet<T> alone, drawing with ElementAt(random.Next(Count)): every call is right and every draw uniform, but ElementAt walks the set's entries to the k-th one, so a draw is O(n), and it allocates an enumerator. (This file is the untouched stub of the last stage, which the mistake never reaches.)
using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The randomized set with duplicates allowed: a multiset that can hand back one of its occurrences at random,
/// every occurrence equally likely, all in constant time.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Add"/>, <see cref="Remove"/> and <see cref="Contains"/> must run in O(1) time on average, with a
/// constant number of calls to the comparer each, however many copies of an item the collection holds
/// (<see cref="Add"/> amortized over the growth of the storage); <see cref="GetRandom"/> and <see cref="Count"/> in
/// O(1). Once the last occurrence of an item has been removed, the collection no longer references it.
/// </para>
/// <para>
/// <see langword="null"/> is not an item: every method refuses it, as <see cref="RandomizedSet{T}"/> does.
/// </para>
/// <para>Not thread-safe. See src/Katas.Exercises/RandomizedSet/README.md.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "LeetCode 381 names it so; the kata is named for the data structure.")]
public sealed class RandomizedCollection<T>
    where T : notnull
{
    /// <summary>Initializes an empty collection.</summary>
    /// <param name="random">
    /// Makes the draws of <see cref="GetRandom"/>: a seeded <see cref="Random"/> makes them repeatable, given the
    /// same calls. <see langword="null"/> for a new <see cref="Random"/> with an unpredictable seed.
    /// </param>
    /// <param name="comparer">Compares items; <see langword="null"/> for <see cref="EqualityComparer{T}.Default"/>.</param>
    public RandomizedCollection(Random? random = null, IEqualityComparer<T>? comparer = null)
    {
        throw new NotImplementedException("RandomizedCollection: stage 5 of the randomized set. Read src/Katas.Exercises/RandomizedSet/README.md, then run ./kata check randomized-set.");
    }

    /// <summary>Gets the number of occurrences in the collection: an item added three times counts three times.</summary>
    /// <remarks>O(1).</remarks>
    public int Count => throw new NotImplementedException("RandomizedCollection.Count is not implemented yet.");

    /// <summary>Adds one occurrence of an item, whether or not the collection holds it already.</summary>
    /// <param name="item">The item to add.</param>
    /// <returns><see langword="true"/> when the collection did not hold the item before.</returns>
    /// <remarks>O(1) on average, amortized over the growth of the storage.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool Add(T item)
    {
        throw new NotImplementedException("RandomizedCollection.Add is not implemented yet.");
    }

    /// <summary>Removes one occurrence of an item, if the collection holds it; the other occurrences stay.</summary>
    /// <param name="item">The item to remove one occurrence of.</param>
    /// <returns><see langword="true"/> when the collection held the item and one occurrence has been removed.</returns>
    /// <remarks>O(1) on average, however many copies of the item there are.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool Remove(T item)
    {
        throw new NotImplementedException("RandomizedCollection.Remove is not implemented yet.");
    }

    /// <summary>Tells whether the collection holds at least one occurrence of an item.</summary>
    /// <param name="item">The item to look for.</param>
    /// <returns><see langword="true"/> when the collection holds an item equal to it.</returns>
    /// <remarks>O(1) on average.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is <see langword="null"/>.</exception>
    public bool Contains(T item)
    {
        throw new NotImplementedException("RandomizedCollection.Contains is not implemented yet.");
    }

    /// <summary>Returns one of the occurrences, chosen at random, without removing it.</summary>
    /// <returns>
    /// An occurrence, as the <see cref="Add"/> that added it received it (items the comparer calls equal may differ
    /// otherwise, and which of their occurrences <see cref="Remove"/> takes is not specified). Each occurrence is
    /// returned with probability 1 / <see cref="Count"/>, so an item held k times comes back with probability
    /// k / <see cref="Count"/>, independently of earlier draws.
    /// </returns>
    /// <remarks>O(1) on average, and no calls to the comparer.</remarks>
    /// <exception cref="InvalidOperationException">The collection is empty.</exception>
    public T GetRandom()
    {
        throw new NotImplementedException("RandomizedCollection.GetRandom is not implemented yet.");
    }
}
