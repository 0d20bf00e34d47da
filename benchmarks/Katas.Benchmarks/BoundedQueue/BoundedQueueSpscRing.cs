namespace Katas.Benchmarks;

/// <summary>
/// The floor: a lock-free ring for exactly one producer and one consumer, which spin instead of sleeping.
/// Nothing can be faster that still moves every item through shared memory; it cannot block, be cancelled,
/// or serve a second producer.
/// </summary>
/// <param name="capacity">The number of slots, a power of two.</param>
public sealed class BoundedQueueSpscRing(int capacity)
{
    private readonly int[] _slots = new int[capacity];
    private readonly int _mask = capacity - 1;

    // Written only by the consumer and the producer respectively, each on a line of its own.
    private BoundedQueueSpscPositions _positions;

    /// <summary>Adds an item, spinning while the ring is full.</summary>
    /// <param name="item">The item.</param>
    public void Enqueue(int item)
    {
        long tail = _positions.Tail;
        var spinner = default(SpinWait);
        while (tail - Volatile.Read(ref _positions.Head) == _slots.Length)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        _slots[(int)tail & _mask] = item;
        Volatile.Write(ref _positions.Tail, tail + 1);
    }

    /// <summary>Takes an item, spinning while the ring is empty.</summary>
    /// <returns>The oldest item.</returns>
    public int Dequeue()
    {
        long head = _positions.Head;
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _positions.Tail) == head)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        int item = _slots[(int)head & _mask];
        Volatile.Write(ref _positions.Head, head + 1);
        return item;
    }
}

/// <summary>The head and tail of a <see cref="BoundedQueueSpscRing"/>, 128 bytes apart.</summary>
[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 384)]
public struct BoundedQueueSpscPositions
{
    /// <summary>The next position to take from.</summary>
    [System.Runtime.InteropServices.FieldOffset(128)]
    public long Head;

    /// <summary>The next position to add at.</summary>
    [System.Runtime.InteropServices.FieldOffset(256)]
    public long Tail;
}
