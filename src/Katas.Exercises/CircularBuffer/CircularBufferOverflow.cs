namespace Katas;

/// <summary>What a <see cref="CircularBuffer{T}"/> does with a write that finds it full.</summary>
public enum CircularBufferOverflow
{
    /// <summary>
    /// Refuse the write: <see cref="CircularBuffer{T}.TryWrite"/> returns <see langword="false"/> and
    /// <see cref="CircularBuffer{T}.Write"/> throws. The producer has to wait for the consumer (back-pressure).
    /// </summary>
    Reject,

    /// <summary>
    /// Accept the write and drop the oldest item to make room. The newest data wins, as in a log tail, a
    /// metrics window or an audio buffer.
    /// </summary>
    OverwriteOldest,
}
