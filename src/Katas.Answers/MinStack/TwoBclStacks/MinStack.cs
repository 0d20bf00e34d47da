using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The textbook answer with two <see cref="Stack{T}"/>s: the items, and the minima, the second taking every item
/// that is &lt;= its top, so a repeated minimum is recorded once per copy. The contract is the stub's XML docs
/// (src/Katas.Exercises/MinStack/MinStack.cs); README.md beside this folder says why this design and what it costs.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A min stack is a stack; the kata is named for the data structure.")]
public sealed class MinStack<T>
{
    private readonly IComparer<T> _comparer;

    // The items, the top one on top.
    private readonly Stack<T> _items = new();

    // Every item that was <= the minimum below it when pushed: the current minimum is on top.
    private readonly Stack<T> _minimums = new();

    public MinStack(IComparer<T>? comparer = null)
    {
        _comparer = comparer ?? Comparer<T>.Default;
    }

    public int Count => _items.Count;

    public void Push(T item)
    {
        _items.Push(item);
        if (_minimums.Count == 0 || _comparer.Compare(item, _minimums.Peek()) <= 0)
        {
            _minimums.Push(item);
        }
    }

    public T Pop()
    {
        if (!_items.TryPop(out T? item))
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        if (_comparer.Compare(item, _minimums.Peek()) == 0)
        {
            _minimums.Pop();
        }

        return item;
    }

    public T Peek() => _items.TryPeek(out T? item) ? item : throw new InvalidOperationException("The stack is empty.");

    public T Min() => _minimums.TryPeek(out T? min) ? min : throw new InvalidOperationException("The stack is empty.");
}
