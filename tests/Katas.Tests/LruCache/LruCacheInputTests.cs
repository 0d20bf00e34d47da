namespace Katas.Tests;

/// <summary>Stage 2 of the LRU cache: keys compared the caller's way, any value, and bad input refused.</summary>
[Stage(2)]
public sealed class LruCacheInputTests
{
    [Fact]
    public void Keys_are_compared_with_the_given_comparer()
    {
        var cache = new LruCache<string, int>(2, StringComparer.OrdinalIgnoreCase);

        cache.AddOrUpdate("Key", 1);
        cache.AddOrUpdate("KEY", 2);

        cache.Count.Should().Be(1);
        cache.TryGet("key", out int value).Should().BeTrue();
        value.Should().Be(2);
        cache.Remove("kEy").Should().BeTrue();
    }

    [Fact]
    public void Value_type_keys_are_compared_with_the_given_comparer_too()
    {
        var cache = new LruCache<int, string>(4, new LastDigitComparer());

        cache.AddOrUpdate(13, "a");
        cache.AddOrUpdate(23, "b");

        cache.Count.Should().Be(1, "13 and 23 are the same key to this comparer");
        cache.TryGet(3, out string? value).Should().BeTrue();
        value.Should().Be("b");
    }

    [Fact]
    public void Keys_with_colliding_hash_codes_stay_apart()
    {
        var evicted = new List<int>();
        var cache = new LruCache<int, int>(3, new OneHashCodeComparer(), (key, _) => evicted.Add(key));

        for (int key = 1; key <= 5; key++)
        {
            cache.AddOrUpdate(key, key * 10);
        }

        cache.Remove(4).Should().BeTrue();
        evicted.Should().Equal(1, 2);
        cache.Get(3).Should().Be(30);
        cache.Get(4).Should().Be(-1);
        cache.Get(5).Should().Be(50);
    }

    [Fact]
    public void Default_values_are_stored_like_any_other()
    {
        var cache = new LruCache<string, string?>(2);

        cache.AddOrUpdate("nothing", null);

        cache.TryGet("nothing", out string? value).Should().BeTrue();
        value.Should().BeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_capacity_below_one_is_rejected(int capacity)
    {
        Action create = () => _ = new LruCache<int, int>(capacity);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }

    [Fact]
    public void A_null_key_is_rejected_by_every_method_and_changes_nothing()
    {
        var evicted = new List<string>();
        var cache = new LruCache<string, int>(2, onEvicted: (key, _) => evicted.Add(key));
        cache.AddOrUpdate("a", 1);
        cache.AddOrUpdate("b", 2);

        ((Action)(() => cache.TryGet(null!, out _))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => cache.AddOrUpdate(null!, 3))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => cache.Remove(null!))).Should().Throw<ArgumentNullException>().WithParameterName("key");

        cache.Count.Should().Be(2);
        cache.AddOrUpdate("c", 3);
        evicted.Should().Equal("a");
    }
}
