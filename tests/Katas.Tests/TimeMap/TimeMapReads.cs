namespace Katas.Tests;

/// <summary>Reads of a time map that the tests of every stage share.</summary>
internal static class TimeMapReads
{
    /// <summary>Reads a key at a timestamp the way LeetCode 981 does.</summary>
    /// <param name="map">The map.</param>
    /// <param name="key">The key.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <returns>The value, or the empty string when there is none.</returns>
    public static string Get(this TimeMap<string, string> map, string key, long timestamp) =>
        map.TryGet(key, timestamp, out string? value) ? value : "";

    /// <summary>Reads a key at a timestamp.</summary>
    /// <typeparam name="TKey">The type of the keys.</typeparam>
    /// <param name="map">The map.</param>
    /// <param name="key">The key.</param>
    /// <param name="timestamp">The timestamp.</param>
    /// <returns>The value, or -1 when there is none.</returns>
    public static int Get<TKey>(this TimeMap<TKey, int> map, TKey key, long timestamp)
        where TKey : notnull =>
        map.TryGet(key, timestamp, out int value) ? value : -1;
}
