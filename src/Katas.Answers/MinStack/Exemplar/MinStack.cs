using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The min stack a strong candidate writes in 45 minutes: one <see cref="Stack{T}"/> of pairs, each item with the
/// minimum of it and everything below it, so the answer to <c>Min</c> is always on top and a pop brings back the
/// one before. The contract is the stub's XML docs (src/Katas.Exercises/MinStack/MinStack.cs); README.md beside
/// this folder says why this design and what it costs.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A min stack is a stack; the kata is named for the data structure.")]
public sealed class MinStack<T>
{
    // Each item with the smallest of it and every item below it. Stack<T> doubles as it grows and clears a popped slot.
    private readonly Stack<(T Item, T Min)> _slots = new();

    private readonly IComparer<T> _comparer;

    public MinStack(IComparer<T>? comparer = null) => _comparer = comparer ?? Comparer<T>.Default;

    public int Count => _slots.Count;

    public void Push(T item)
    {
        // The one comparison a push makes. A tie keeps the minimum below: which of equal minima Min returns is not specified.
        T min = _slots.TryPeek(out var top) && _comparer.Compare(top.Min, item) <= 0 ? top.Min : item;
        _slots.Push((item, min));
    }

    public T Pop() => _slots.TryPop(out var top) ? top.Item : throw EmptyStack();

    public T Peek() => _slots.TryPeek(out var top) ? top.Item : throw EmptyStack();

    public T Min() => _slots.TryPeek(out var top) ? top.Min : throw EmptyStack();

    private static InvalidOperationException EmptyStack() => new("The stack is empty.");
}
