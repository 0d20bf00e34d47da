// Mistake: the minimum stack takes an item only when it is strictly smaller (<, not <=), so popping one copy of a repeated minimum loses it.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The kata's name.")]
public sealed class MinStack<T>
{
    private readonly IComparer<T> _comparer;
    private readonly Stack<T> _items = new();
    private readonly Stack<T> _minimums = new();

    public MinStack(IComparer<T>? comparer = null)
    {
        _comparer = comparer ?? Comparer<T>.Default;
    }

    public int Count => _items.Count;

    public void Push(T item)
    {
        _items.Push(item);
        if (_minimums.Count == 0 || _comparer.Compare(item, _minimums.Peek()) < 0)
        {
            _minimums.Push(item);
        }
    }

    public T Pop()
    {
        if (_items.Count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        T item = _items.Pop();
        if (_comparer.Compare(item, _minimums.Peek()) == 0)
        {
            _minimums.Pop();
        }

        return item;
    }

    public T Peek()
    {
        if (_items.Count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        return _items.Peek();
    }

    public T Min()
    {
        if (_items.Count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        return _minimums.Peek();
    }
}
