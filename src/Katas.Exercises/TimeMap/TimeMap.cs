namespace Katas;

/// <summary>
/// TODO(kata dev new): what a TimeMap is. The kata's instructions are src/Katas.Exercises/TimeMap/README.md.
/// </summary>
/// <remarks>TODO(kata dev new): the complexity to reach and the thread-safety promised.</remarks>
public sealed class TimeMap
{
    /// <summary>Gets the sum of the values added so far. TODO(kata dev new)</summary>
    public long Total => throw new NotImplementedException("TimeMap: start here. Read src/Katas.Exercises/TimeMap/README.md, then run ./kata check time-map.");

    /// <summary>Adds a value to the total. TODO(kata dev new): a member with a rule for bad input.</summary>
    /// <param name="value">The value to add; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative; the total is left as it was.</exception>
    public void Add(int value) => throw new NotImplementedException("TimeMap.Add is not implemented yet.");
}
