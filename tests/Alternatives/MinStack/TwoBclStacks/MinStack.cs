// Alternative: two Stack<T>s, the second taking every item that is <= its top, so a repeated minimum is recorded once per copy.
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
