namespace Katas.Tests;

/// <summary>
/// Compares ints as the default comparer does and counts every call, hash codes included: the work a hash-based
/// structure does is its comparer calls, so a count that grows with the size gives away a scan.
/// </summary>
internal sealed class CountingComparer : IEqualityComparer<int>
{
    /// <summary>Gets the number of calls so far, to <see cref="Equals(int, int)"/> and <see cref="GetHashCode(int)"/> both.</summary>
    public long Calls { get; private set; }

    /// <inheritdoc/>
    public bool Equals(int x, int y)
    {
        Calls++;
        return x == y;
    }

    /// <inheritdoc/>
    public int GetHashCode(int obj)
    {
        Calls++;
        return obj;
    }
}
