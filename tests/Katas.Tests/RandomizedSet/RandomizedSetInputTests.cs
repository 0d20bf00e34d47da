namespace Katas.Tests;

/// <summary>
/// Stage 2 of the randomized set: items compared the caller's way, any item but null, and draws made through the
/// <see cref="Random"/> the set is given.
/// </summary>
[Stage(2)]
public sealed class RandomizedSetInputTests
{
    [Fact]
    public void Items_are_compared_with_the_given_comparer()
    {
        var set = new RandomizedSet<string>(new Random(1), StringComparer.OrdinalIgnoreCase);

        set.TryAdd("Key").Should().BeTrue();
        set.TryAdd("KEY").Should().BeFalse("the comparer calls them equal");

        set.Count.Should().Be(1);
        set.Contains("key").Should().BeTrue();
        set.GetRandom().Should().Be("Key", "a draw returns the item as it was added");
        set.Remove("kEy").Should().BeTrue();
        set.Count.Should().Be(0);
    }

    [Fact]
    public void Value_type_items_are_compared_with_the_given_comparer_too()
    {
        var set = new RandomizedSet<int>(new Random(1), new LastDigitComparer());

        set.TryAdd(13).Should().BeTrue();
        set.TryAdd(23).Should().BeFalse("13 and 23 are the same item to this comparer");

        set.Contains(3).Should().BeTrue();
        set.GetRandom().Should().Be(13);
        set.Remove(33).Should().BeTrue();
        set.Contains(13).Should().BeFalse();
    }

    [Fact]
    public void A_null_comparer_means_the_default_equality()
    {
        var set = new RandomizedSet<string>(new Random(1), null);

        set.TryAdd("pear");
        set.TryAdd("Pear").Should().BeTrue("by default strings are compared ordinally, case and all");

        set.Count.Should().Be(2);
    }

    [Fact]
    public void Items_with_colliding_hash_codes_stay_apart()
    {
        var set = new RandomizedSet<int>(new Random(3), new OneHashCodeComparer());
        for (int item = 1; item <= 6; item++)
        {
            set.TryAdd(item).Should().BeTrue();
        }

        set.Remove(6).Should().BeTrue();
        set.Remove(2).Should().BeTrue();
        set.Remove(2).Should().BeFalse();

        set.Count.Should().Be(4);
        Enumerable.Range(1, 6).Where(set.Contains).Should().Equal(1, 3, 4, 5);
        Enumerable.Range(0, 200).Select(_ => set.GetRandom()).Distinct().Order().Should().Equal(1, 3, 4, 5);
    }

    [Fact]
    public void Default_values_are_items_like_any_other()
    {
        var numbers = new RandomizedSet<int>(new Random(1));
        var words = new RandomizedSet<string>(new Random(1));

        numbers.TryAdd(0).Should().BeTrue();
        words.TryAdd("").Should().BeTrue();

        numbers.Contains(0).Should().BeTrue();
        numbers.GetRandom().Should().Be(0);
        words.GetRandom().Should().BeEmpty();
        numbers.Remove(0).Should().BeTrue();
        numbers.Count.Should().Be(0);
    }

    [Fact]
    public void Objects_are_told_apart_by_their_equality()
    {
        var set = new RandomizedSet<Point>(new Random(1));
        var origin = new Point(0, 0);

        set.TryAdd(origin).Should().BeTrue();
        set.TryAdd(new Point(0, 0)).Should().BeFalse("a record with equal fields is an equal item");
        set.TryAdd(new Point(1, 0)).Should().BeTrue();

        set.Remove(new Point(0, 0)).Should().BeTrue();
        set.GetRandom().Should().Be(new Point(1, 0));
    }

    [Fact]
    public void A_null_item_is_refused_by_every_method_and_changes_nothing()
    {
        var set = new RandomizedSet<string>(new Random(1));
        set.TryAdd("a");

        ((Action)(() => set.TryAdd(null!))).Should().Throw<ArgumentNullException>().WithParameterName("item");
        ((Action)(() => set.Remove(null!))).Should().Throw<ArgumentNullException>().WithParameterName("item");
        ((Action)(() => set.Contains(null!))).Should().Throw<ArgumentNullException>().WithParameterName("item");

        set.Count.Should().Be(1);
        set.GetRandom().Should().Be("a");
    }

    [Fact]
    public void The_same_seed_and_the_same_calls_give_the_same_draws()
    {
        var first = Draws(new RandomizedSet<int>(new Random(2026)));
        var second = Draws(new RandomizedSet<int>(new Random(2026)));

        second.Should().Equal(first, "a set must draw through the Random it is given, and only through it");
    }

    [Fact]
    public void Different_seeds_give_different_draws()
    {
        var first = Draws(new RandomizedSet<int>(new Random(1)));
        var second = Draws(new RandomizedSet<int>(new Random(2)));

        second.Should().NotEqual(first, "100 draws from 40 items are the same for two seeds with a probability of about 40^-100");
    }

    [Fact]
    public void A_set_made_without_a_random_draws_with_one_of_its_own()
    {
        var set = new RandomizedSet<int>();
        set.TryAdd(1);
        set.TryAdd(2);

        Enumerable.Range(0, 100).Select(_ => set.GetRandom()).Should().OnlyContain(item => item == 1 || item == 2);
    }

    // Adds 50 items, removes 10, and draws 100 times.
    private static List<int> Draws(RandomizedSet<int> set)
    {
        for (int item = 0; item < 50; item++)
        {
            set.TryAdd(item);
        }

        for (int item = 0; item < 50; item += 5)
        {
            set.Remove(item);
        }

        return [.. Enumerable.Range(0, 100).Select(_ => set.GetRandom())];
    }

    private sealed record Point(int X, int Y);
}
