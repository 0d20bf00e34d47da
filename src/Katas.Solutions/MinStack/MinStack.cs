using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Katas;

/// <summary>
/// The reference min stack: one array of item-and-minimum pairs that it grows itself, with a push small enough
/// to inline. The contract, member by member, is the stub's XML docs (src/Katas.Exercises/MinStack/MinStack.cs);
/// what is said here is how this implementation meets it.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// <see cref="Push"/> runs in amortized O(1) time (O(n) when the storage doubles); <see cref="Pop"/>,
/// <see cref="Peek"/>, <see cref="Min"/> and <see cref="Count"/> in O(1). A push makes at most one
/// comparison; nothing else compares. Once the stack has been as deep as it gets, nothing more is allocated.
/// </para>
/// <para>
/// Every slot holds its item and the minimum of that item and everything below it, so the answer to
/// <see cref="Min"/> is always in the top slot and a pop restores the previous minimum by leaving. That
/// costs a second <typeparamref name="T"/> per item. Recording only the items that lower the minimum uses
/// less memory, but every pop must then ask whether it is removing the minimum and reload the one below;
/// measured on ints, that design was markedly slower when every push is a new minimum, and no better than
/// within the noise on random items.
/// </para>
/// <para>This type is not thread-safe; guard it with a lock to share it between threads.</para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A min stack is a stack; the kata is named for the data structure.")]
public sealed class MinStack<T>
{
    // The comparer; null when T is a value type ordered by default, so the JIT can devirtualize
    // Comparer<T>.Default and inline the item's own CompareTo.
    private readonly IComparer<T>? _comparer;

    // The slots, the bottom one at index 0: each item with the minimum of it and everything below it.
    private Slot[] _slots = [];

    // The number of items; the top one is in _slots[_count - 1].
    private int _count;

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
        // Small enough to inline into the caller's loop, as Stack<T>.Push is. The comparer's call and the
        // growth live out of line: a call on the hot path would make the JIT spill the loop's registers.
        int count = _count;
        Slot[] slots = _slots;
        if (_comparer is null && (uint)count < (uint)slots.Length)
        {
            T min = item;
            if (count != 0)
            {
                // Ties keep the minimum below: which of equal items Min returns is not specified anyway.
                T below = slots[count - 1].Min;
                if (Comparer<T>.Default.Compare(item, below) >= 0)
                {
                    min = below;
                }
            }

            slots[count] = new Slot(item, min);
            _count = count + 1;
            AssertInvariants();
        }
        else
        {
            PushSlowly(item);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Pop()
    {
        int top = _count - 1;
        Slot[] slots = _slots;
        if ((uint)top >= (uint)slots.Length)
        {
            ThrowForEmptyStack();
        }

        T item = slots[top].Item;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            // Let the item (and a minimum no longer below anything) be collected once the caller drops it.
            slots[top] = default;
        }

        _count = top;
        AssertInvariants();
        return item;
    }

    public T Peek()
    {
        int top = _count - 1;
        Slot[] slots = _slots;
        if ((uint)top >= (uint)slots.Length)
        {
            ThrowForEmptyStack();
        }

        return slots[top].Item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Min()
    {
        int top = _count - 1;
        Slot[] slots = _slots;
        if ((uint)top >= (uint)slots.Length)
        {
            ThrowForEmptyStack();
        }

        return slots[top].Min;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void PushSlowly(T item)
    {
        int count = _count;
        if (count == _slots.Length)
        {
            // Doubling keeps pushes amortized O(1); Array.MaxLength caps it, as in Stack<T>.
            int newLength = (int)Math.Min(Math.Max(4L, 2L * _slots.Length), Array.MaxLength);
            Array.Resize(ref _slots, newLength);
        }

        T min = item;
        if (count != 0)
        {
            T below = _slots[count - 1].Min;
            int order = _comparer is null ? Comparer<T>.Default.Compare(item, below) : _comparer.Compare(item, below);
            if (order >= 0)
            {
                min = below;
            }
        }

        _slots[count] = new Slot(item, min);
        _count = count + 1;
        AssertInvariants();
    }

    [DoesNotReturn]
    private static void ThrowForEmptyStack() => throw new InvalidOperationException("The stack is empty.");

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        // No comparer calls here: the tests count them.
        Debug.Assert(_count >= 0 && _count <= _slots.Length, "The count stays within the storage.");
        Debug.Assert(_count == 0 || EqualityComparer<T>.Default.Equals(_slots[0].Min, _slots[0].Item), "The bottom item is its own minimum.");
    }

    private readonly struct Slot(T item, T min)
    {
        // The item pushed into this slot.
        public readonly T Item = item;

        // The smallest of this item and every item below it.
        public readonly T Min = min;
    }
}
