namespace Katas;

/// <summary>
/// The exemplar of the Randomized set kata: what a strong candidate writes in 45 minutes. The contract is the stub's XML docs
/// (src/Katas.Exercises/RandomizedSet/RandomizedSet.cs). TODO(kata dev new): the design, in a sentence.
/// </summary>
public sealed class RandomizedSet
{
    public long Total { get; private set; }

    public void Add(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Total += value;
    }
}
