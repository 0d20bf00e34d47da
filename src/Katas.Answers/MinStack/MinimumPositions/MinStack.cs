using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// A memory-lean min stack: its own array of items, and beside it the positions of the items that were new minima
/// (strictly smaller than everything below them) when pushed. A pop compares positions, never items. The contract is
/// the stub's XML docs (src/Katas.Exercises/MinStack/MinStack.cs); README.md beside this folder says why this design
/// and what it costs.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A min stack is a stack; the kata is named for the data structure.")]
public sealed class MinStack<T>
{
    // The comparer; null when T is a value type ordered by default, so the JIT can devirtualize
    // Comparer<T>.Default and inline the item's own CompareTo.
    private readonly IComparer<T>? _comparer;

    // The items, the bottom one at index 0.
    private T[] _items = [];

    // The number of items; the top item is at _count - 1.
    private int _count;

    // Ascending positions in _items of the items that were strictly smaller than all below them when
    // pushed; the last one holds the current minimum.
    private int[] _minPositions = [];

    // The number of positions in _minPositions that are in use; zero exactly when the stack is empty.
    private int _minCount;

    // The last of the positions in use, or -1 when the stack is empty: a pop compares with this field.
    private int _minPosition = -1;

    // A copy of the current minimum, so that a push compares with a field instead of two array loads.
    private T _min = default!;

    public MinStack(IComparer<T>? comparer = null)
    {
        if (!typeof(T).IsValueType || (comparer is not null && comparer != Comparer<T>.Default))
        {
            _comparer = comparer ?? Comparer<T>.Default;
        }
    }

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T item)
    {
        // Small enough to inline into the caller's loop, as Stack<T>.Push is; growth lives out of line.
        int count = _count;
        T[] items = _items;
        if ((uint)count < (uint)items.Length)
        {
            items[count] = item;
            if (count == 0 || Compare(item, _min) < 0)
            {
                RecordMinimum(count, item);
            }

            _count = count + 1;
            AssertInvariants();
        }
        else
        {
            PushWithResize(item);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Pop()
    {
        int top = _count - 1;
        T[] items = _items;
        if ((uint)top >= (uint)items.Length)
        {
            ThrowForEmptyStack();
        }

        T item = items[top];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // Let the item be collected once the caller drops it.
            items[top] = default!;
        }

        _count = top;
        if (top == _minPosition)
        {
            ForgetMinimum();
        }

        AssertInvariants();
        return item;
    }

    public T Peek()
    {
        int top = _count - 1;
        T[] items = _items;
        if ((uint)top >= (uint)items.Length)
        {
            ThrowForEmptyStack();
        }

        return items[top];
    }

    public T Min()
    {
        if (_count == 0)
        {
            ThrowForEmptyStack();
        }

        return _min;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Compare(T x, T y) => _comparer is null ? Comparer<T>.Default.Compare(x, y) : _comparer.Compare(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RecordMinimum(int position, T item)
    {
        int minCount = _minCount;
        int[] positions = _minPositions;
        if ((uint)minCount >= (uint)positions.Length)
        {
            positions = GrowMinPositions();
        }

        positions[minCount] = position;
        _minCount = minCount + 1;
        _minPosition = position;
        _min = item;
    }

    private void ForgetMinimum()
    {
        // The previous minimum lies below the popped one, so it is still on the stack.
        int minCount = _minCount - 1;
        _minCount = minCount;
        if (minCount == 0)
        {
            _minPosition = -1;
            _min = default!;
        }
        else
        {
            int position = _minPositions[minCount - 1];
            _minPosition = position;
            _min = _items[position];
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PushWithResize(T item)
    {
        // Doubling keeps pushes amortized O(1); Array.MaxLength caps it, as in Stack<T>.
        int newLength = (int)Math.Min(Math.Max(4L, 2L * _items.Length), Array.MaxLength);
        Array.Resize(ref _items, newLength);
        Push(item);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int[] GrowMinPositions()
    {
        Array.Resize(ref _minPositions, Math.Max(4, _minPositions.Length * 2));
        return _minPositions;
    }

    [DoesNotReturn]
    private static void ThrowForEmptyStack() => throw new InvalidOperationException("The stack is empty.");

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_count >= 0 && _count <= _items.Length, "The count stays within the storage.");
        Debug.Assert((_count == 0) == (_minCount == 0), "Only an empty stack has no minimum.");
        Debug.Assert(_minCount == 0 || _minPositions[0] == 0, "The bottom item is always a recorded minimum.");
        Debug.Assert(_minCount == 0 || _minPositions[_minCount - 1] < _count, "The current minimum is on the stack.");
        Debug.Assert(_minPosition == (_minCount == 0 ? -1 : _minPositions[_minCount - 1]), "The cached position is the last one recorded.");
    }
}
