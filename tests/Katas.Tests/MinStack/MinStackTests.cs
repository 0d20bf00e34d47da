using System.Runtime.CompilerServices;

namespace Katas.Tests;

/// <summary>The contract of the min stack kata: LeetCode 155 made generic, with what a library type adds to it.</summary>
public sealed class MinStackTests
{
    [Fact]
    public void A_new_stack_is_empty()
    {
        var stack = new MinStack<int>();

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
    public void A_custom_comparer_decides_what_the_minimum_is()
    {
        var descending = Comparer<int>.Create((x, y) => y.CompareTo(x));
        var stack = new MinStack<int>(descending);

        stack.Push(3);
        stack.Push(10);
        stack.Push(-4);

        stack.Min().Should().Be(10, "under a descending order the largest item comes first");
        stack.Pop();
        stack.Pop();
        stack.Min().Should().Be(3);
    }

    [Fact]
    public void Items_the_comparer_calls_equal_count_as_repeats_of_the_minimum()
    {
        var byPriority = Comparer<Job>.Create((x, y) => x.Priority.CompareTo(y.Priority));
        var stack = new MinStack<Job>(byPriority);
        var first = new Job(1, "first");
        var second = new Job(1, "second");
        stack.Push(new Job(5, "low"));
        stack.Push(first);
        stack.Push(second);

        stack.Min().Should().BeOneOf(first, second);
        stack.Pop().Should().Be(second);
        stack.Min().Should().Be(first, "the first priority-1 job is still on the stack");
        stack.Pop().Should().Be(first);
        stack.Min().Priority.Should().Be(5);
    }

    [Fact]
    public void Strings_follow_the_given_comparer()
    {
        var stack = new MinStack<string>(StringComparer.Ordinal);

        stack.Push("b");
        stack.Push("B");
        stack.Push("a");

        stack.Min().Should().Be("B", "ordinally, upper case sorts before lower case");
    }

    [Fact]
    public void A_null_comparer_means_the_default_order()
    {
        var stack = new MinStack<string>(null);

        stack.Push("pear");
        stack.Push("apple");
        stack.Push("quince");

        stack.Min().Should().Be("apple");
    }

    [Fact]
    public void Null_items_are_allowed_and_ordered_by_the_comparer()
    {
        var stack = new MinStack<string?>();

        stack.Push("b");
        stack.Push(null);
        stack.Push("a");

        stack.Min().Should().BeNull("the default string comparer puts null first");
        stack.Pop().Should().Be("a");
        stack.Pop().Should().BeNull();
        stack.Min().Should().Be("b");
        stack.Peek().Should().Be("b");
    }

    [Fact]
    public void Each_operation_makes_a_constant_number_of_comparisons()
    {
        var comparer = new CountingComparer();
        var stack = new MinStack<int>(comparer);
        const int Depth = 2_000;

        for (int item = Depth; item > 0; item--)
        {
            stack.Push(item);
            _ = stack.Min();
        }

        for (int i = 0; i < Depth; i++)
        {
            _ = stack.Min();
            _ = stack.Peek();
            _ = stack.Pop();
        }

        comparer.Calls.Should().BeLessThanOrEqualTo(2 * 2 * Depth, "popping the minimum must not rescan the stack");
    }

    [Fact]
    public void A_popped_item_is_not_kept_alive_by_the_stack()
    {
        var stack = new MinStack<object>(Comparer<object>.Create((x, y) => 0));
        stack.Push("bottom");

        WeakReference popped = PushAndPop(stack);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        popped.IsAlive.Should().BeFalse("a stack that keeps a popped item's slot filled leaks it");
        stack.Count.Should().Be(1);
    }

    [Fact]
    public void Pushing_and_popping_allocates_nothing_once_the_stack_has_grown()
    {
        const int Depth = 1_000;
        var stack = new MinStack<int>();
        Cycle(stack);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 5; round++)
        {
            Cycle(stack);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "the storage is reused once it has grown to the deepest the stack has been");

        static void Cycle(MinStack<int> stack)
        {
            for (int item = Depth; item > 0; item--)
            {
                stack.Push(item);
            }

            for (int i = 0; i < Depth; i++)
            {
                stack.Pop();
            }
        }
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference PushAndPop(MinStack<object> stack)
    {
        var item = new object();
        stack.Push(item);
        stack.Pop().Should().BeSameAs(item);
        return new WeakReference(item);
    }

    private sealed record Job(int Priority, string Name);

    private sealed class CountingComparer : IComparer<int>
    {
        public int Calls { get; private set; }

        public int Compare(int x, int y)
        {
            Calls++;
            return x.CompareTo(y);
        }
    }
}
