namespace Katas;

/// <summary>What a full <see cref="CircularBuffer{T}"/> does with a write; the stub says what each value means.</summary>
public enum CircularBufferOverflow
{
    Reject,
    OverwriteOldest,
}
