namespace Katas.Tests;

/// <summary>
/// Compares ints as usual but gives every one the same hash code, so that a hash table holds them all in one
/// bucket and must still tell them apart.
/// </summary>
internal sealed class OneHashCodeComparer : IEqualityComparer<int>
{
    public bool Equals(int x, int y) => x == y;

    public int GetHashCode(int obj) => 42;
}
