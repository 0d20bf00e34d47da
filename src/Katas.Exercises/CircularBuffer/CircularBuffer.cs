using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// A fixed-capacity first-in, first-out buffer over one array used as a ring: writes go in at the newest
/// end, reads come out at the oldest, and both ends wrap around the array instead of shifting items.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Every operation must run in O(1) time and allocate nothing once the buffer exists. A write into a full
/// buffer follows the <see cref="CircularBufferOverflow"/> chosen at construction. Reading or clearing must
/// release the references the buffer held, so it never keeps an item alive that a reader has taken.
/// </para>
/// <para>
/// Enumeration runs from the oldest item to the newest and fails fast, as the BCL collections do: after any
/// change to the buffer, the enumerator's next <c>MoveNext</c> throws <see cref="InvalidOperationException"/>.
/// </para>
/// <para>Not thread-safe. See src/Katas.Exercises/CircularBuffer/README.md.</para>
/// </remarks>
public sealed class CircularBuffer<T> : IReadOnlyList<T>
{
    /// <summary>Initializes an empty buffer that holds at most <paramref name="capacity"/> items.</summary>
    /// <param name="capacity">The most items the buffer holds.</param>
    /// <param name="overflow">What a write into a full buffer does.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="capacity"/> is zero or negative, or <paramref name="overflow"/> is not a defined
    /// <see cref="CircularBufferOverflow"/> value.
    /// </exception>
    public CircularBuffer(int capacity, CircularBufferOverflow overflow = CircularBufferOverflow.Reject)
    {
        throw new NotImplementedException("CircularBuffer: start here. Read src/Katas.Exercises/CircularBuffer/README.md, then run ./kata check circular-buffer.");
    }

    /// <summary>Gets the most items the buffer holds.</summary>
    public int Capacity => throw new NotImplementedException("CircularBuffer.Capacity is not implemented yet.");

    /// <summary>Gets what a write into a full buffer does.</summary>
    public CircularBufferOverflow Overflow => throw new NotImplementedException("CircularBuffer.Overflow is not implemented yet.");

    /// <summary>Gets the number of items in the buffer.</summary>
    public int Count => throw new NotImplementedException("CircularBuffer.Count is not implemented yet.");

    /// <summary>Gets a value indicating whether the buffer holds no items.</summary>
    public bool IsEmpty => throw new NotImplementedException("CircularBuffer.IsEmpty is not implemented yet.");

    /// <summary>Gets a value indicating whether the buffer holds <see cref="Capacity"/> items.</summary>
    public bool IsFull => throw new NotImplementedException("CircularBuffer.IsFull is not implemented yet.");

    /// <summary>Gets the item at a position counted from the oldest item (0) to the newest (<c>Count - 1</c>).</summary>
    /// <param name="index">The position, 0 for the oldest item.</param>
    /// <returns>The item; the buffer is not changed.</returns>
    /// <remarks>O(1).</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative, or not less than <see cref="Count"/>.</exception>
    public T this[int index] => throw new NotImplementedException("CircularBuffer's indexer is not implemented yet.");

    /// <summary>
    /// Writes an item at the newest end. When the buffer is full it drops the oldest item first if it was
    /// created with <see cref="CircularBufferOverflow.OverwriteOldest"/>, and throws otherwise.
    /// </summary>
    /// <param name="item">The item to write.</param>
    /// <remarks>O(1); allocates nothing.</remarks>
    /// <exception cref="InvalidOperationException">
    /// The buffer is full and its policy is <see cref="CircularBufferOverflow.Reject"/>; the buffer is unchanged.
    /// </exception>
    public void Write(T item)
    {
        throw new NotImplementedException("CircularBuffer.Write is not implemented yet.");
    }

    /// <summary>
    /// Writes an item at the newest end if the policy allows it: always with
    /// <see cref="CircularBufferOverflow.OverwriteOldest"/> (dropping the oldest item when full), and only
    /// when there is room with <see cref="CircularBufferOverflow.Reject"/>.
    /// </summary>
    /// <param name="item">The item to write.</param>
    /// <returns><see langword="false"/> when the buffer was full and rejects overflow; the buffer is then unchanged.</returns>
    /// <remarks>O(1); allocates nothing.</remarks>
    public bool TryWrite(T item)
    {
        throw new NotImplementedException("CircularBuffer.TryWrite is not implemented yet.");
    }

    /// <summary>Removes and returns the oldest item.</summary>
    /// <returns>The oldest item.</returns>
    /// <remarks>O(1); allocates nothing.</remarks>
    /// <exception cref="InvalidOperationException">The buffer is empty.</exception>
    public T Read()
    {
        throw new NotImplementedException("CircularBuffer.Read is not implemented yet.");
    }

    /// <summary>Removes and returns the oldest item, if there is one.</summary>
    /// <param name="item">The oldest item when the buffer was not empty; otherwise the default value.</param>
    /// <returns><see langword="false"/> when the buffer was empty.</returns>
    /// <remarks>O(1); allocates nothing.</remarks>
    public bool TryRead([MaybeNullWhen(false)] out T item)
    {
        throw new NotImplementedException("CircularBuffer.TryRead is not implemented yet.");
    }

    /// <summary>Returns the oldest item without removing it.</summary>
    /// <returns>The oldest item.</returns>
    /// <remarks>O(1).</remarks>
    /// <exception cref="InvalidOperationException">The buffer is empty.</exception>
    public T Peek()
    {
        throw new NotImplementedException("CircularBuffer.Peek is not implemented yet.");
    }

    /// <summary>Returns the oldest item without removing it, if there is one.</summary>
    /// <param name="item">The oldest item when the buffer is not empty; otherwise the default value.</param>
    /// <returns><see langword="false"/> when the buffer is empty.</returns>
    /// <remarks>O(1).</remarks>
    public bool TryPeek([MaybeNullWhen(false)] out T item)
    {
        throw new NotImplementedException("CircularBuffer.TryPeek is not implemented yet.");
    }

    /// <summary>Removes every item; the capacity and the overflow policy stay.</summary>
    /// <remarks>O(1) for items without references; otherwise O(<see cref="Count"/>), to release them.</remarks>
    public void Clear()
    {
        throw new NotImplementedException("CircularBuffer.Clear is not implemented yet.");
    }

    /// <summary>Returns an enumerator that walks the items from the oldest to the newest.</summary>
    /// <returns>An enumerator that throws <see cref="InvalidOperationException"/> if the buffer changes while it is in use.</returns>
    /// <remarks>Allocates nothing when used through <c>foreach</c> on a <see cref="CircularBuffer{T}"/>.</remarks>
    public Enumerator GetEnumerator()
    {
        throw new NotImplementedException("CircularBuffer.GetEnumerator is not implemented yet.");
    }

    /// <inheritdoc/>
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks a <see cref="CircularBuffer{T}"/> from the oldest item to the newest.</summary>
    /// <remarks>A struct, so <c>foreach</c> over the buffer allocates nothing.</remarks>
    public struct Enumerator : IEnumerator<T>
    {
        /// <summary>Gets the item at the enumerator's position.</summary>
        /// <remarks>The default value before the first <see cref="MoveNext"/> and after the last item.</remarks>
        public readonly T Current => throw new NotImplementedException("CircularBuffer.Enumerator.Current is not implemented yet.");

        /// <inheritdoc/>
        readonly object? IEnumerator.Current => Current;

        /// <summary>Moves to the next newer item.</summary>
        /// <returns><see langword="false"/> when there is none left.</returns>
        /// <exception cref="InvalidOperationException">The buffer changed since the enumerator was created.</exception>
        public bool MoveNext()
        {
            throw new NotImplementedException("CircularBuffer.Enumerator.MoveNext is not implemented yet.");
        }

        /// <summary>Moves back to before the oldest item.</summary>
        /// <exception cref="InvalidOperationException">The buffer changed since the enumerator was created.</exception>
        void IEnumerator.Reset()
        {
            throw new NotImplementedException("CircularBuffer.Enumerator.Reset is not implemented yet.");
        }

        /// <summary>Does nothing: the enumerator holds no resources.</summary>
        public readonly void Dispose()
        {
        }
    }
}
