namespace Katas;

/// <summary>
/// The reference of the Time map kata: the production answer. The contract is the stub's XML docs
/// (src/Katas.Exercises/TimeMap/TimeMap.cs). TODO(kata dev new): the design, in a sentence.
/// </summary>
public sealed class TimeMap
{
    public long Total { get; private set; }

    public void Add(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Total += value;
    }
}
