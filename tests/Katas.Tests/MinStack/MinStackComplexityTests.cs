using System.Runtime.CompilerServices;

namespace Katas.Tests;

/// <summary>
/// Stage 3 of the min stack: a constant number of comparisons per call, amortised O(1) growth, no allocation once
/// grown, and no popped item kept alive.
/// </summary>
[Stage(3)]
[Collection(TimedTests.Name)]
public sealed class MinStackComplexityTests
{
    // Pushes per timed run at every size: many stacks of 1,000 items, or one of 64,000.
    private const int PushesPerRun = 1_000 * Growth.SizeFactor;

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
    public void Pushing_and_popping_allocates_nothing_once_the_stack_has_grown()
    {
        const int Depth = 1_000;
        var stack = new MinStack<int>();
        Cycle(stack);

        long allocated = Allocations.Fewest(() =>
        {
            for (int round = 0; round < 5; round++)
            {
                Cycle(stack);
            }
        });

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
    public void Filling_a_stack_allocates_a_constant_number_of_bytes_per_item()
    {
        // Doubling allocates each array half the size of the next, about 16 bytes per int item in all even with its
        // minimum stored beside it; a node per item costs about 32. Growing by a fixed step allocates a new array every
        // few pushes, n² / step bytes in all, so the loop stops as soon as the budget is spent.
        const int Items = 1_000_000;
        const long Budget = 64L * Items;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var stack = new MinStack<int>();
        for (int item = 0; item < Items && GC.GetAllocatedBytesForCurrentThread() - before <= Budget; item++)
        {
            stack.Push(item);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().BeLessThanOrEqualTo(Budget, $"pushing {Items:N0} ints may allocate 64 bytes per item, and {stack.Count:N0} pushes took that");
        stack.Count.Should().Be(Items);
    }

    [Fact]
    public void Filling_a_large_stack_takes_the_same_time_per_push_as_filling_a_small_one() =>
        Growth.ShouldStayFlatPerOperation("A Push, amortised over filling a new stack", 1_000, size =>
        {
            int stacks = PushesPerRun / size;
            return (() =>
            {
                for (int round = 0; round < stacks; round++)
                {
                    var stack = new MinStack<int>();
                    for (int item = 0; item < size; item++)
                    {
                        stack.Push(item);
                    }
                }
            }, stacks * size);
        });

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference PushAndPop(MinStack<object> stack)
    {
        var item = new object();
        stack.Push(item);
        stack.Pop().Should().BeSameAs(item);
        return new WeakReference(item);
    }

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
