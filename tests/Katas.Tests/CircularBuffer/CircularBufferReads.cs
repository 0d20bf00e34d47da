namespace Katas.Tests;

/// <summary>Reads of a circular buffer and of an SPSC ring that the tests of several stages share.</summary>
internal static class CircularBufferReads
{
    /// <summary>Reads every item, oldest first, until the buffer is empty: its contents without enumerating it.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="buffer">The buffer.</param>
    /// <returns>The items read, in the order they came out.</returns>
    public static List<T> Drain<T>(this CircularBuffer<T> buffer)
    {
        var items = new List<T>();
        while (buffer.TryRead(out T? item))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Reads every item, oldest first, until the ring is empty; on one thread, once no other runs.</summary>
    /// <typeparam name="T">The type of the items.</typeparam>
    /// <param name="ring">The ring.</param>
    /// <returns>The items read, in the order they came out.</returns>
    public static List<T> Drain<T>(this SpscRingBuffer<T> ring)
    {
        var items = new List<T>();
        while (ring.TryRead(out T? item))
        {
            items.Add(item);
        }

        return items;
    }
}
