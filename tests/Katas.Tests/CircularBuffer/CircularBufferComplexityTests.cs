using System.Runtime.CompilerServices;

namespace Katas.Tests;

/// <summary>
/// Stage 3 of the circular buffer: every operation O(1) whatever the capacity (nothing shifts), nothing
/// allocated after construction, and nothing kept alive that the buffer no longer holds.
/// </summary>
[Stage(3)]
[Collection(TimedTests.Name)]
public sealed class CircularBufferComplexityTests
{
    // Operations per timed run: enough to time well in an O(1) buffer, few enough that an O(n) one fails in seconds.
    private const int Operations = 2_000;

    [Theory]
    [InlineData(CircularBufferOverflow.Reject)]
    [InlineData(CircularBufferOverflow.OverwriteOldest)]
    public void Writes_and_reads_allocate_nothing(CircularBufferOverflow overflow)
    {
        var buffer = new CircularBuffer<string>(64, overflow);
        string[] items = [.. Enumerable.Range(0, 100).Select(i => $"item {i}")];
        Churn(buffer, items);

        long allocated = Allocations.Fewest(() => Churn(buffer, items));

        allocated.Should().Be(0, "the ring is allocated once, at construction");

        static void Churn(CircularBuffer<string> buffer, string[] items)
        {
            for (int round = 0; round < 1_000; round++)
            {
                buffer.TryWrite(items[round % items.Length]);
                buffer.TryWrite(items[(round + 1) % items.Length]);
                buffer.TryRead(out _);
                _ = buffer.TryPeek(out _) && buffer[0] is not null;
            }

            buffer.Clear();
        }
    }

    [Fact]
    public void Foreach_over_the_buffer_allocates_nothing()
    {
        var buffer = new CircularBuffer<int>(8);
        for (int item = 0; item < 8; item++)
        {
            buffer.Write(item);
        }

        int sum = Sum(buffer);
        long allocated = Allocations.Fewest(() => sum += Sum(buffer));

        allocated.Should().Be(0, "GetEnumerator returns a struct, as Queue<T>'s does");
        sum.Should().Be((1 + Allocations.Runs) * 28);

        static int Sum(CircularBuffer<int> buffer)
        {
            int sum = 0;
            foreach (int item in buffer)
            {
                sum += item;
            }

            return sum;
        }
    }

    [Fact]
    public void A_read_releases_the_item_to_the_garbage_collector()
    {
        var buffer = new CircularBuffer<object>(4);
        WeakReference written = WriteNewObject(buffer);

        ReadAndDrop(buffer);

        CollectGarbage();
        written.IsAlive.Should().BeFalse("the buffer must not keep a reference to an item it has handed out");
    }

    [Fact]
    public void Clear_releases_every_item_to_the_garbage_collector()
    {
        var buffer = new CircularBuffer<object>(3);
        buffer.Write(new object());
        buffer.Read();
        var written = new[] { WriteNewObject(buffer), WriteNewObject(buffer), WriteNewObject(buffer) };

        buffer.Clear();

        CollectGarbage();
        written.Should().OnlyContain(item => !item.IsAlive, "a cleared buffer must hold no references, wrapped or not");
    }

    [Fact]
    public void Clear_releases_items_that_do_not_wrap_too()
    {
        var buffer = new CircularBuffer<object>(4);
        buffer.Write(new object());
        buffer.Read();
        var written = new[] { WriteNewObject(buffer), WriteNewObject(buffer) };

        buffer.Clear();

        CollectGarbage();
        written.Should().OnlyContain(item => !item.IsAlive, "a cleared buffer must hold no references, wherever its items sat");
    }

    [Fact]
    public void An_overwritten_item_is_released_to_the_garbage_collector()
    {
        var buffer = new CircularBuffer<object>(2, CircularBufferOverflow.OverwriteOldest);
        WeakReference oldest = WriteNewObject(buffer);
        WriteNewObject(buffer);

        WriteNewObject(buffer);

        CollectGarbage();
        oldest.IsAlive.Should().BeFalse();
        buffer.Count.Should().Be(2);
    }

    [Fact]
    public void A_write_and_a_read_take_the_same_time_in_a_large_buffer_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A Write then a Read", 1_000, WritesAndReads);

    [Fact]
    public void An_overwriting_write_takes_the_same_time_in_a_large_buffer_as_in_a_small_one() =>
        Growth.ShouldStayFlat("A Write into a full OverwriteOldest buffer", 1_000, Overwrites);

    /// <summary>A buffer of the given capacity one item short of full, and a write then a read, again and again.</summary>
    /// <param name="size">The capacity.</param>
    /// <returns>The work to time.</returns>
    internal static Action WritesAndReads(int size)
    {
        // One item short of full: a read that shifts the items has all the others to move.
        var buffer = new CircularBuffer<int>(size);
        for (int item = 1; item < size; item++)
        {
            buffer.Write(item);
        }

        return () =>
        {
            for (int i = 0; i < Operations; i++)
            {
                buffer.Write(i);
                buffer.Read();
            }
        };
    }

    /// <summary>A full buffer of the given capacity that overwrites, and writes into it.</summary>
    /// <param name="size">The capacity.</param>
    /// <returns>The work to time.</returns>
    internal static Action Overwrites(int size)
    {
        var buffer = new CircularBuffer<int>(size, CircularBufferOverflow.OverwriteOldest);
        for (int item = 0; item < size; item++)
        {
            buffer.Write(item);
        }

        return () =>
        {
            for (int i = 0; i < Operations; i++)
            {
                buffer.Write(i);
            }
        };
    }

    // The helpers below are not inlined, so that no local of the test keeps an object alive by accident.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WriteNewObject(CircularBuffer<object> buffer)
    {
        var item = new object();
        buffer.Write(item);
        return new WeakReference(item);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadAndDrop(CircularBuffer<object> buffer) => buffer.Read();

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
