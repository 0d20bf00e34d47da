using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// A last-in, first-out stack that also reports its smallest item, all in constant time.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <see cref="Push"/> must run in amortized O(1) time and <see cref="Pop"/>, <see cref="Peek"/>,
/// <see cref="Min"/> and <see cref="Count"/> in O(1), with a constant number of comparisons per call.
/// Growing the storage costs memory in proportion to the items, as doubling does; once the stack has been as
/// deep as it gets, nothing more may be allocated. A popped item is no longer referenced by the stack.
/// Not thread-safe. See src/Katas.Exercises/MinStack/README.md.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A min stack is a stack; the kata is named for the data structure.")]
public sealed class MinStack<T>
{
    /// <summary>Initializes an empty stack.</summary>
    /// <param name="comparer">Orders the items; <see langword="null"/> for <see cref="Comparer{T}.Default"/>.</param>
    public MinStack(IComparer<T>? comparer = null)
    {
        throw new NotImplementedException("MinStack: start here. Read src/Katas.Exercises/MinStack/README.md, then run ./kata check min-stack.");
    }

    /// <summary>Gets the number of items on the stack.</summary>
    public int Count => throw new NotImplementedException("MinStack.Count is not implemented yet.");

    /// <summary>Pushes an item on top of the stack.</summary>
    /// <param name="item">The item; <see langword="null"/> is allowed and is ordered as the comparer says.</param>
    /// <remarks>Amortized O(1); at most a constant number of comparisons.</remarks>
    public void Push(T item)
    {
        throw new NotImplementedException("MinStack.Push is not implemented yet.");
    }

    /// <summary>Removes and returns the top item.</summary>
    /// <returns>The item that was on top.</returns>
    /// <remarks>O(1).</remarks>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public T Pop()
    {
        throw new NotImplementedException("MinStack.Pop is not implemented yet.");
    }

    /// <summary>Returns the top item without removing it.</summary>
    /// <returns>The item on top.</returns>
    /// <remarks>O(1).</remarks>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public T Peek()
    {
        throw new NotImplementedException("MinStack.Peek is not implemented yet.");
    }

    /// <summary>Returns the smallest item on the stack without removing anything.</summary>
    /// <returns>
    /// An item that no other item on the stack is smaller than. When several items tie for the minimum,
    /// which of them is returned is not specified.
    /// </returns>
    /// <remarks>O(1).</remarks>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public T Min()
    {
        throw new NotImplementedException("MinStack.Min is not implemented yet.");
    }
}
