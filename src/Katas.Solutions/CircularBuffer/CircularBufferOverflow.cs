namespace Katas;

/// <summary>
/// What a full <see cref="CircularBuffer{T}"/> does with a write. The contract, value by value, is the stub's XML
/// docs (src/Katas.Exercises/CircularBuffer/CircularBufferOverflow.cs).
/// </summary>
public enum CircularBufferOverflow
{
    Reject,

    OverwriteOldest,
}
