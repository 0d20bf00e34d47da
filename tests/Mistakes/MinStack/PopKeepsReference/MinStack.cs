// Mistake: Pop moves the top index down but leaves the item in its array slot, so the stack keeps popped objects alive.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The kata's name.")]
public sealed class MinStack<T>
{
    private readonly IComparer<T> _comparer;
    private T[] _items = new T[4];
    private T[] _minimums = new T[4];
    private int _count;

    public MinStack(IComparer<T>? comparer = null)
    {
        _comparer = comparer ?? Comparer<T>.Default;
    }

    public int Count => _count;

    public void Push(T item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
            Array.Resize(ref _minimums, _count * 2);
        }

        _minimums[_count] = _count == 0 || _comparer.Compare(item, _minimums[_count - 1]) < 0 ? item : _minimums[_count - 1];
        _items[_count] = item;
        _count++;
    }

    public T Pop()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        _count--;
        return _items[_count];
    }

    public T Peek()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        return _items[_count - 1];
    }

    public T Min()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        return _minimums[_count - 1];
    }
}
