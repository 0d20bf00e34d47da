using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// Stages 4 and 5 of the kata. A fixed-capacity first-in, first-out ring for exactly one producer thread and
/// one consumer thread, without locks: the producer only ever moves the tail and the consumer only ever moves
/// the head.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Thread-safety: one thread at a time may write (<see cref="TryWrite"/>, <see cref="Write"/>) and one
/// thread at a time may read (<see cref="TryRead"/>, <see cref="Read"/>), concurrently with each other.
/// <see cref="Count"/> and <see cref="IsEmpty"/> may be read from any thread.
/// </para>
/// <para>
/// Every operation must be O(1), and allocate nothing; no <c>lock</c>, no <c>Interlocked</c> read-modify-write:
/// ordered reads and writes of the two indices (<see cref="Volatile"/>) are enough. See
/// src/Katas.Exercises/CircularBuffer/README.md.
/// </para>
/// </remarks>
public sealed class SpscRingBuffer<T>
{
    /// <summary>Initializes an empty ring that holds at most <paramref name="capacity"/> items.</summary>
    /// <param name="capacity">The most items the ring holds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is zero or negative.</exception>
    public SpscRingBuffer(int capacity)
    {
        throw new NotImplementedException("SpscRingBuffer: stages 4 and 5 of circular-buffer. Read src/Katas.Exercises/CircularBuffer/README.md, then run ./kata check circular-buffer.");
    }

    /// <summary>Gets the most items the ring holds.</summary>
    public int Capacity => throw new NotImplementedException("SpscRingBuffer.Capacity is not implemented yet.");

    /// <summary>Gets the number of items in the ring at the moment of the call.</summary>
    /// <remarks>
    /// Safe from any thread, but only a snapshot while the producer or the consumer is running: exact when
    /// neither is in the middle of a call, and always between 0 and <see cref="Capacity"/>, however fast both
    /// run. O(1).
    /// </remarks>
    public int Count => throw new NotImplementedException("SpscRingBuffer.Count is not implemented yet.");

    /// <summary>Gets a value indicating whether the ring held no items at the moment of the call.</summary>
    /// <remarks>A snapshot, as <see cref="Count"/> is.</remarks>
    public bool IsEmpty => throw new NotImplementedException("SpscRingBuffer.IsEmpty is not implemented yet.");

    /// <summary>Writes an item at the newest end if there is room. Call it from the producer thread only.</summary>
    /// <param name="item">The item to write.</param>
    /// <returns><see langword="false"/> when the ring was full; the ring is then unchanged.</returns>
    /// <remarks>O(1), wait-free; allocates nothing.</remarks>
    public bool TryWrite(T item)
    {
        throw new NotImplementedException("SpscRingBuffer.TryWrite is not implemented yet.");
    }

    /// <summary>
    /// Writes an item at the newest end, spinning until the consumer makes room. Call it from the producer
    /// thread only.
    /// </summary>
    /// <param name="item">The item to write.</param>
    /// <param name="cancellationToken">Stops the wait; the item is then not written.</param>
    /// <remarks>
    /// Burns CPU while the ring is full (spinning, then yielding the processor): meant for a consumer that
    /// keeps up, where a blocking handoff would cost far more than the wait.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled while the ring was full.</exception>
    public void Write(T item, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("SpscRingBuffer.Write is not implemented yet.");
    }

    /// <summary>Removes and returns the oldest item, if there is one. Call it from the consumer thread only.</summary>
    /// <param name="item">The oldest item when the ring was not empty; otherwise the default value.</param>
    /// <returns><see langword="false"/> when the ring was empty.</returns>
    /// <remarks>O(1), wait-free; allocates nothing.</remarks>
    public bool TryRead([MaybeNullWhen(false)] out T item)
    {
        throw new NotImplementedException("SpscRingBuffer.TryRead is not implemented yet.");
    }

    /// <summary>
    /// Removes and returns the oldest item, spinning until the producer writes one. Call it from the consumer
    /// thread only.
    /// </summary>
    /// <param name="cancellationToken">Stops the wait; nothing is then read.</param>
    /// <returns>The oldest item.</returns>
    /// <remarks>Burns CPU while the ring is empty (spinning, then yielding the processor).</remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled while the ring was empty.</exception>
    public T Read(CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("SpscRingBuffer.Read is not implemented yet.");
    }
}
