using CsCheck;

namespace Katas.Tests;

/// <summary>Stage 1 of the min stack: LeetCode 155 on ints, repeated minima, and an empty stack.</summary>
[Stage(1)]
public sealed class MinStackCoreTests
{
    [Fact]
    public void A_new_stack_is_empty()
    {
        var stack = new MinStack<int>();

        stack.Count.Should().Be(0);
    }

    [Fact]
    public void LeetCode_155_example()
    {
        var stack = new MinStack<int>();

        stack.Push(-2);
        stack.Push(0);
        stack.Push(-3);
        stack.Min().Should().Be(-3);
        stack.Pop();
        stack.Peek().Should().Be(0);
        stack.Min().Should().Be(-2);
    }

    [Fact]
    public void Items_come_off_in_the_reverse_order_of_pushing()
    {
        var stack = new MinStack<int>();
        int[] pushed = [3, 9, 1, 7, 1, 8, 2];
        foreach (int item in pushed)
        {
            stack.Push(item);
        }

        var popped = new List<int>();
        while (stack.Count > 0)
        {
            popped.Add(stack.Pop());
        }

        popped.Should().Equal(pushed.Reverse());
    }

    [Fact]
    public void Peek_and_min_leave_the_stack_as_it_was()
    {
        var stack = new MinStack<int>();
        stack.Push(5);
        stack.Push(3);
        stack.Push(8);

        stack.Peek().Should().Be(8);
        stack.Peek().Should().Be(8);
        stack.Min().Should().Be(3);
        stack.Min().Should().Be(3);

        stack.Count.Should().Be(3);
        stack.Pop().Should().Be(8);
    }

    [Fact]
    public void Count_follows_pushes_and_pops()
    {
        var stack = new MinStack<int>();

        for (int i = 1; i <= 50; i++)
        {
            stack.Push(i % 7);
            stack.Count.Should().Be(i);
        }

        for (int i = 49; i >= 0; i--)
        {
            stack.Pop();
            stack.Count.Should().Be(i);
        }
    }

    [Fact]
    public void Popping_the_minimum_brings_back_the_one_before_it()
    {
        var stack = new MinStack<int>();
        stack.Push(5);
        stack.Push(2);
        stack.Push(7);
        stack.Push(1);

        stack.Min().Should().Be(1);
        stack.Pop().Should().Be(1);
        stack.Min().Should().Be(2);
        stack.Pop().Should().Be(7);
        stack.Min().Should().Be(2, "popping a larger item does not change the minimum");
        stack.Pop().Should().Be(2);
        stack.Min().Should().Be(5);
    }

    [Fact]
    public void A_repeated_minimum_survives_popping_one_copy()
    {
        var stack = new MinStack<int>();
        stack.Push(2);
        stack.Push(1);
        stack.Push(1);

        stack.Pop().Should().Be(1);
        stack.Min().Should().Be(1, "the other 1 is still on the stack");
        stack.Pop().Should().Be(1);
        stack.Min().Should().Be(2);
    }

    [Fact]
    public void A_repeated_minimum_at_the_bottom_survives_popping_the_copy_above_it()
    {
        var stack = new MinStack<int>();
        stack.Push(1);
        stack.Push(1);

        stack.Pop();

        stack.Min().Should().Be(1);
        stack.Count.Should().Be(1);
    }

    [Fact]
    public void Many_copies_of_the_minimum_leave_one_at_a_time()
    {
        var stack = new MinStack<int>();
        stack.Push(9);
        for (int i = 0; i < 100; i++)
        {
            stack.Push(4);
        }

        for (int remaining = 100; remaining > 0; remaining--)
        {
            stack.Min().Should().Be(4, $"{remaining} copies of 4 are still on the stack");
            stack.Pop().Should().Be(4);
        }

        stack.Min().Should().Be(9);
    }

    [Fact]
    public void Negative_values_and_the_extremes_of_int_are_ordered_correctly()
    {
        var stack = new MinStack<int>();

        stack.Push(0);
        stack.Push(int.MaxValue);
        stack.Min().Should().Be(0);
        stack.Push(-1);
        stack.Min().Should().Be(-1);
        stack.Push(int.MinValue);
        stack.Min().Should().Be(int.MinValue);
        stack.Push(-7);
        stack.Min().Should().Be(int.MinValue);

        stack.Pop();
        stack.Pop().Should().Be(int.MinValue);
        stack.Min().Should().Be(-1);
        stack.Pop();
        stack.Min().Should().Be(0);
    }

    [Fact]
    public void Pushing_smaller_and_smaller_items_makes_each_the_minimum_in_turn()
    {
        var stack = new MinStack<int>();
        for (int item = 1_000; item >= 1; item--)
        {
            stack.Push(item);
            stack.Min().Should().Be(item);
        }

        for (int item = 1; item <= 1_000; item++)
        {
            stack.Min().Should().Be(item);
            stack.Pop().Should().Be(item);
        }

        stack.Count.Should().Be(0);
    }

    [Fact]
    public void Pop_peek_and_min_on_an_empty_stack_throw_and_leave_it_usable()
    {
        var stack = new MinStack<int>();

        stack.Invoking(s => s.Pop()).Should().Throw<InvalidOperationException>();
        stack.Invoking(s => s.Peek()).Should().Throw<InvalidOperationException>();
        stack.Invoking(s => s.Min()).Should().Throw<InvalidOperationException>();

        stack.Count.Should().Be(0);
        stack.Push(4);
        stack.Min().Should().Be(4);
        stack.Pop().Should().Be(4);
    }

    [Fact]
    public void A_stack_emptied_by_popping_throws_again()
    {
        var stack = new MinStack<int>();
        stack.Push(1);
        stack.Push(0);

        stack.Pop();
        stack.Pop();

        stack.Count.Should().Be(0);
        stack.Invoking(s => s.Pop()).Should().Throw<InvalidOperationException>();
        stack.Invoking(s => s.Peek()).Should().Throw<InvalidOperationException>();
        stack.Invoking(s => s.Min()).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 10)]
    [InlineData(3, 1_000)]
    [InlineData(4, 2)]
    public void Random_pushes_and_pops_match_a_scanning_model_step_by_step(int seed, int values) =>
        MinStackModel.Test.Run((values, Drifting: true), seed, 20_000);

    [Fact]
    public void Random_operation_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        MinStackModel.Test.Sample(Gen.Const((3, false)));
}
