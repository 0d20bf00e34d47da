// Mistake: a different design, not an edit of an answer. One min field, rescanned from the whole stack whenever the minimum is popped: always right, but a pop is O(n).
using System.Diagnostics.CodeAnalysis;

namespace Katas;

[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The kata's name.")]
public sealed class MinStack<T>
{
    private readonly IComparer<T> _comparer;
    private readonly List<T> _items = [];
    private T _min = default!;

    public MinStack(IComparer<T>? comparer = null)
    {
        _comparer = comparer ?? Comparer<T>.Default;
    }

    public int Count => _items.Count;

    public void Push(T item)
    {
        if (_items.Count == 0 || _comparer.Compare(item, _min) < 0)
        {
            _min = item;
        }

        _items.Add(item);
    }

    public T Pop()
    {
        if (_items.Count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        T item = _items[^1];
        _items.RemoveAt(_items.Count - 1);
        if (_items.Count == 0)
        {
            _min = default!;
        }
        else if (_comparer.Compare(item, _min) == 0)
        {
            _min = _items[0];
            for (int i = 1; i < _items.Count; i++)
            {
                if (_comparer.Compare(_items[i], _min) < 0)
                {
                    _min = _items[i];
                }
            }
        }

        return item;
    }

    public T Peek()
    {
        if (_items.Count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        return _items[^1];
    }

    public T Min()
    {
        if (_items.Count == 0)
        {
            throw new InvalidOperationException("The stack is empty.");
        }

        return _min;
    }
}
