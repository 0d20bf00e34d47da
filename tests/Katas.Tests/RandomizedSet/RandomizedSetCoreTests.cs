using CsCheck;

namespace Katas.Tests;

/// <summary>Stage 1 of the randomized set: LeetCode 380 on ints, draws only of held items, and an empty set.</summary>
[Stage(1)]
public sealed class RandomizedSetCoreTests
{
    [Fact]
    public void A_new_set_is_empty()
    {
        var set = new RandomizedSet<int>(new Random(1));

        set.Count.Should().Be(0);
        set.Contains(0).Should().BeFalse();
    }

    [Fact]
    public void LeetCode_380_example()
    {
        var set = new RandomizedSet<int>(new Random(1));

        set.TryAdd(1).Should().BeTrue();
        set.Remove(2).Should().BeFalse();
        set.TryAdd(2).Should().BeTrue();
        set.GetRandom().Should().BeOneOf(1, 2);
        set.Remove(1).Should().BeTrue();
        set.TryAdd(2).Should().BeFalse();
        set.GetRandom().Should().Be(2);
    }

    [Fact]
    public void Adding_an_item_already_there_returns_false_and_changes_nothing()
    {
        var set = new RandomizedSet<int>(new Random(1));
        set.TryAdd(7);

        set.TryAdd(7).Should().BeFalse();

        set.Count.Should().Be(1);
        set.Remove(7).Should().BeTrue();
        set.Contains(7).Should().BeFalse("one removal takes out the one copy");
    }

    [Fact]
    public void Removing_an_item_not_there_returns_false_and_changes_nothing()
    {
        var set = new RandomizedSet<int>(new Random(1));
        set.TryAdd(1);
        set.TryAdd(2);

        set.Remove(3).Should().BeFalse();
        set.Remove(3).Should().BeFalse();

        set.Count.Should().Be(2);
        set.Contains(1).Should().BeTrue();
        set.Contains(2).Should().BeTrue();
    }

    [Fact]
    public void Contains_and_count_follow_adds_and_removes()
    {
        var set = new RandomizedSet<int>(new Random(1));

        for (int item = 0; item < 50; item++)
        {
            set.TryAdd(item).Should().BeTrue();
            set.Count.Should().Be(item + 1);
        }

        for (int item = 0; item < 50; item += 2)
        {
            set.Remove(item).Should().BeTrue();
        }

        set.Count.Should().Be(25);
        for (int item = 0; item < 50; item++)
        {
            set.Contains(item).Should().Be(item % 2 == 1, $"{item} was {(item % 2 == 1 ? "kept" : "removed")}");
        }
    }

    [Fact]
    public void A_removed_item_can_be_added_again()
    {
        var set = new RandomizedSet<int>(new Random(1));
        set.TryAdd(5);
        set.Remove(5);

        set.TryAdd(5).Should().BeTrue();

        set.Contains(5).Should().BeTrue();
        set.Count.Should().Be(1);
        set.GetRandom().Should().Be(5);
    }

    [Fact]
    public void A_set_of_one_item_always_draws_it()
    {
        var set = new RandomizedSet<int>(new Random(1));
        set.TryAdd(42);

        for (int i = 0; i < 20; i++)
        {
            set.GetRandom().Should().Be(42);
        }

        set.Count.Should().Be(1, "drawing does not remove");
    }

    [Fact]
    public void Removing_the_most_recently_added_item_takes_it_out_for_good()
    {
        var set = new RandomizedSet<int>(new Random(1));
        set.TryAdd(1);
        set.TryAdd(2);
        set.TryAdd(3);

        set.Remove(3).Should().BeTrue();

        set.Contains(3).Should().BeFalse("the item in the last slot is the one removed, not one moved into a hole");
        set.Count.Should().Be(2);
        set.TryAdd(3).Should().BeTrue();
        set.Count.Should().Be(3);
    }

    [Fact]
    public void Removing_the_item_moved_into_a_hole_works_too()
    {
        var set = new RandomizedSet<int>(new Random(1));
        set.TryAdd(1);
        set.TryAdd(2);
        set.TryAdd(3);
        set.Remove(1);

        set.Remove(3).Should().BeTrue("the item that filled the hole left by 1 must be found where it now is");

        set.Contains(2).Should().BeTrue();
        set.Contains(3).Should().BeFalse();
        set.Count.Should().Be(1);
        set.GetRandom().Should().Be(2);
    }

    [Fact]
    public void Draws_return_only_items_the_set_holds()
    {
        var set = new RandomizedSet<int>(new Random(5));
        for (int item = 0; item < 30; item++)
        {
            set.TryAdd(item);
        }

        for (int item = 0; item < 30; item += 3)
        {
            set.Remove(item);
        }

        for (int i = 0; i < 500; i++)
        {
            int drawn = set.GetRandom();
            (drawn % 3).Should().NotBe(0, $"{drawn} was removed");
            drawn.Should().BeInRange(0, 29);
        }

        set.Count.Should().Be(20);
    }

    [Fact]
    public void Drawing_from_an_empty_set_throws_and_leaves_it_usable()
    {
        var set = new RandomizedSet<int>(new Random(1));

        set.Invoking(s => s.GetRandom()).Should().Throw<InvalidOperationException>();

        set.Count.Should().Be(0);
        set.TryAdd(4).Should().BeTrue();
        set.GetRandom().Should().Be(4);
    }

    [Fact]
    public void A_set_emptied_by_removing_throws_again()
    {
        var set = new RandomizedSet<int>(new Random(1));
        set.TryAdd(1);
        set.TryAdd(2);

        set.Remove(1);
        set.Remove(2);

        set.Count.Should().Be(0);
        set.Contains(1).Should().BeFalse();
        set.Contains(2).Should().BeFalse();
        set.Invoking(s => s.GetRandom()).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 64)]
    [InlineData(3, 1_000)]
    [InlineData(4, 3)]
    public void Random_calls_match_a_scanning_model_step_by_step(int seed, int values) =>
        RandomizedSetModel.Test.Run((values, Drifting: true), seed, 20_000);

    [Fact]
    public void Random_call_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        RandomizedSetModel.Test.Sample(Gen.Const((6, false)));
}
