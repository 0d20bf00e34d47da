using System.Runtime.CompilerServices;

namespace Katas.Tests;

/// <summary>
/// The contract of the circular buffer kata, level one: the classic exercise's cases (read empty, write
/// then read, full, overwrite, clear) and what a library collection adds to them.
/// </summary>
public sealed class CircularBufferTests
{
    [Fact]
    public void A_new_buffer_is_empty_and_reports_its_capacity_and_policy()
    {
        var buffer = new CircularBuffer<int>(3, CircularBufferOverflow.OverwriteOldest);

        buffer.Capacity.Should().Be(3);
        buffer.Overflow.Should().Be(CircularBufferOverflow.OverwriteOldest);
        buffer.Count.Should().Be(0);
        buffer.IsEmpty.Should().BeTrue();
        buffer.IsFull.Should().BeFalse();
        buffer.Should().BeEmpty();
    }

    [Fact]
    public void Reject_is_the_default_policy()
    {
        var buffer = new CircularBuffer<int>(1);

        buffer.Overflow.Should().Be(CircularBufferOverflow.Reject);
    }

    [Fact]
    public void Reading_an_empty_buffer_fails()
    {
        var buffer = new CircularBuffer<int>(2);

        ((Action)(() => buffer.Read())).Should().Throw<InvalidOperationException>();
        buffer.TryRead(out int item).Should().BeFalse();
        item.Should().Be(0);
        buffer.Count.Should().Be(0);
    }

    [Fact]
    public void Peeking_into_an_empty_buffer_fails()
    {
        var buffer = new CircularBuffer<string>(2);

        ((Action)(() => buffer.Peek())).Should().Throw<InvalidOperationException>();
        buffer.TryPeek(out string? item).Should().BeFalse();
        item.Should().BeNull();
    }

    [Fact]
    public void An_item_written_can_be_read_back()
    {
        var buffer = new CircularBuffer<int>(1);

        buffer.Write(1);

        buffer.Count.Should().Be(1);
        buffer.Read().Should().Be(1);
        buffer.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Each_item_can_be_read_only_once()
    {
        var buffer = new CircularBuffer<int>(1);
        buffer.Write(1);

        buffer.Read().Should().Be(1);

        buffer.TryRead(out _).Should().BeFalse();
        ((Action)(() => buffer.Read())).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Items_are_read_in_the_order_they_were_written()
    {
        var buffer = new CircularBuffer<int>(3);

        buffer.Write(1);
        buffer.Write(2);
        buffer.TryWrite(3).Should().BeTrue();

        buffer.Read().Should().Be(1);
        buffer.TryRead(out int second).Should().BeTrue();
        second.Should().Be(2);
        buffer.Read().Should().Be(3);
    }

    [Fact]
    public void A_full_buffer_rejects_a_write_and_stays_unchanged()
    {
        var buffer = new CircularBuffer<int>(2);
        buffer.Write(1);
        buffer.Write(2);

        buffer.IsFull.Should().BeTrue();
        ((Action)(() => buffer.Write(3))).Should().Throw<InvalidOperationException>();
        buffer.TryWrite(4).Should().BeFalse();

        buffer.Count.Should().Be(2);
        buffer.Should().Equal(1, 2);
        buffer.Read().Should().Be(1);
        buffer.Read().Should().Be(2);
    }

    [Fact]
    public void A_read_frees_room_for_another_write()
    {
        var buffer = new CircularBuffer<int>(1);
        buffer.Write(1);

        buffer.Read().Should().Be(1);
        buffer.Write(2);

        buffer.Read().Should().Be(2);
    }

    [Fact]
    public void The_read_position_is_kept_across_writes()
    {
        var buffer = new CircularBuffer<int>(3);
        buffer.Write(1);
        buffer.Write(2);

        buffer.Read().Should().Be(1);
        buffer.Write(3);
        buffer.Read().Should().Be(2);
        buffer.Read().Should().Be(3);
    }

    [Fact]
    public void Items_that_were_cleared_cannot_be_read()
    {
        var buffer = new CircularBuffer<int>(1);
        buffer.Write(1);

        buffer.Clear();

        buffer.IsEmpty.Should().BeTrue();
        buffer.TryRead(out _).Should().BeFalse();
        ((Action)(() => buffer.Read())).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Clear_frees_the_whole_capacity()
    {
        var buffer = new CircularBuffer<int>(3);
        buffer.Write(1);
        buffer.Write(2);
        buffer.Read();
        buffer.Write(3);
        buffer.Write(4);

        buffer.Clear();
        buffer.Write(5);
        buffer.Write(6);
        buffer.Write(7);

        buffer.IsFull.Should().BeTrue();
        buffer.Should().Equal(5, 6, 7);
        buffer.Capacity.Should().Be(3);
    }

    [Fact]
    public void Clear_on_an_empty_buffer_changes_nothing()
    {
        var buffer = new CircularBuffer<int>(1);

        buffer.Clear();
        buffer.Write(1);

        buffer.Read().Should().Be(1);
    }

    [Fact]
    public void Clearing_first_does_not_break_the_wrap_around()
    {
        var buffer = new CircularBuffer<int>(2);

        buffer.Clear();
        buffer.Write(1);
        buffer.Write(2);
        buffer.Read().Should().Be(1);
        buffer.Write(3);

        buffer.Should().Equal(2, 3);
        buffer.Read().Should().Be(2);
        buffer.Read().Should().Be(3);
    }

    [Fact]
    public void Overwrite_acts_like_a_write_while_there_is_room()
    {
        var buffer = new CircularBuffer<int>(2, CircularBufferOverflow.OverwriteOldest);

        buffer.Write(1);
        buffer.TryWrite(2).Should().BeTrue();

        buffer.Read().Should().Be(1);
        buffer.Read().Should().Be(2);
    }

    [Fact]
    public void Overwrite_replaces_the_oldest_item_of_a_full_buffer()
    {
        var buffer = new CircularBuffer<int>(2, CircularBufferOverflow.OverwriteOldest);
        buffer.Write(1);
        buffer.Write(2);

        buffer.Write(3);

        buffer.Count.Should().Be(2);
        buffer.IsFull.Should().BeTrue();
        buffer.Read().Should().Be(2);
        buffer.Read().Should().Be(3);
        buffer.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void TryWrite_on_a_full_overwriting_buffer_succeeds_and_drops_the_oldest()
    {
        var buffer = new CircularBuffer<int>(2, CircularBufferOverflow.OverwriteOldest);
        buffer.Write(1);
        buffer.Write(2);

        buffer.TryWrite(3).Should().BeTrue();
        buffer.TryWrite(4).Should().BeTrue();

        buffer.Should().Equal(3, 4);
    }

    [Fact]
    public void Overwrite_replaces_the_oldest_item_left_after_a_read()
    {
        var buffer = new CircularBuffer<int>(3, CircularBufferOverflow.OverwriteOldest);
        buffer.Write(1);
        buffer.Write(2);
        buffer.Write(3);

        buffer.Read().Should().Be(1);
        buffer.Write(4);
        buffer.Write(5);

        buffer.Read().Should().Be(3);
        buffer.Read().Should().Be(4);
        buffer.Read().Should().Be(5);
    }

    [Fact]
    public void Overwriting_many_laps_keeps_only_the_newest_items_in_order()
    {
        var buffer = new CircularBuffer<int>(5, CircularBufferOverflow.OverwriteOldest);

        for (int item = 1; item <= 1_003; item++)
        {
            buffer.Write(item);
        }

        buffer.Count.Should().Be(5);
        buffer.Should().Equal(999, 1_000, 1_001, 1_002, 1_003);
        buffer.Peek().Should().Be(999);
    }

    [Fact]
    public void Peek_returns_the_oldest_item_without_removing_it()
    {
        var buffer = new CircularBuffer<int>(3);
        buffer.Write(1);
        buffer.Write(2);

        buffer.Peek().Should().Be(1);
        buffer.TryPeek(out int peeked).Should().BeTrue();
        peeked.Should().Be(1);

        buffer.Count.Should().Be(2);
        buffer.Read().Should().Be(1);
        buffer.Peek().Should().Be(2);
    }

    [Fact]
    public void The_indexer_counts_from_the_oldest_item_across_the_wrap()
    {
        var buffer = new CircularBuffer<int>(4);
        for (int item = 1; item <= 4; item++)
        {
            buffer.Write(item);
        }

        buffer.Read();
        buffer.Read();
        buffer.Write(5);
        buffer.Write(6);

        Enumerable.Range(0, buffer.Count).Select(index => buffer[index]).Should().Equal(3, 4, 5, 6);
        buffer.Count.Should().Be(4, "the indexer only looks");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void The_indexer_rejects_positions_outside_the_items(int index)
    {
        var buffer = new CircularBuffer<int>(3);
        buffer.Write(1);
        buffer.Write(2);

        ((Action)(() => _ = buffer[index])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }

    [Fact]
    public void The_indexer_of_an_empty_buffer_rejects_every_position()
    {
        var buffer = new CircularBuffer<int>(2);
        buffer.Write(1);
        buffer.Read();

        ((Action)(() => _ = buffer[0])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("index");
    }

    [Fact]
    public void Enumeration_runs_from_the_oldest_to_the_newest_across_the_wrap()
    {
        var buffer = new CircularBuffer<int>(3);
        buffer.Write(1);
        buffer.Write(2);
        buffer.Write(3);
        buffer.Read();
        buffer.Read();
        buffer.Write(4);
        buffer.Write(5);

        var seen = new List<int>();
        foreach (int item in buffer)
        {
            seen.Add(item);
        }

        seen.Should().Equal(3, 4, 5);
        buffer.Should().Equal([3, 4, 5], "enumeration through IEnumerable<T> gives the same order");
        buffer.Count.Should().Be(3, "enumeration only looks");
    }

    [Theory]
    [InlineData("Write")]
    [InlineData("TryWrite")]
    [InlineData("Overwrite")]
    [InlineData("Read")]
    [InlineData("TryRead")]
    [InlineData("Clear")]
    public void Enumeration_fails_once_the_buffer_changes(string change)
    {
        var buffer = new CircularBuffer<int>(3, change == "Overwrite" ? CircularBufferOverflow.OverwriteOldest : CircularBufferOverflow.Reject);
        buffer.Write(1);
        buffer.Write(2);
        if (change == "Overwrite")
        {
            buffer.Write(3);
        }

        Action enumerate = () =>
        {
            foreach (int item in buffer)
            {
                switch (change)
                {
                    case "Write" or "Overwrite":
                        buffer.Write(10 + item);
                        break;
                    case "TryWrite":
                        buffer.TryWrite(10 + item);
                        break;
                    case "Read":
                        buffer.Read();
                        break;
                    case "TryRead":
                        buffer.TryRead(out _);
                        break;
                    default:
                        buffer.Clear();
                        break;
                }
            }
        };

        enumerate.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Enumeration_fails_after_a_change_even_when_it_had_reached_the_end()
    {
        var buffer = new CircularBuffer<int>(3);
        buffer.Write(1);
        var enumerator = buffer.GetEnumerator();
        enumerator.MoveNext().Should().BeTrue();
        enumerator.MoveNext().Should().BeFalse();

        buffer.Write(2);

        ((Action)(() => enumerator.MoveNext())).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Reset_starts_an_enumeration_again_from_the_oldest_item_and_fails_after_a_change()
    {
        var buffer = new CircularBuffer<int>(3);
        buffer.Write(1);
        buffer.Write(2);
        IEnumerator<int> enumerator = ((IEnumerable<int>)buffer).GetEnumerator();
        enumerator.MoveNext().Should().BeTrue();
        enumerator.MoveNext().Should().BeTrue();
        enumerator.Current.Should().Be(2);

        enumerator.Reset();

        enumerator.MoveNext().Should().BeTrue("Reset goes back to before the oldest item");
        enumerator.Current.Should().Be(1);
        buffer.Write(3);
        enumerator.Invoking(e => e.Reset()).Should().Throw<InvalidOperationException>("the buffer changed since the enumerator was made");
    }

    [Fact]
    public void A_refused_write_or_a_failed_read_does_not_disturb_an_enumeration()
    {
        var full = new CircularBuffer<int>(2);
        full.Write(1);
        full.Write(2);
        var empty = new CircularBuffer<int>(2);

        var seen = new List<int>();
        foreach (int item in full)
        {
            full.TryWrite(99).Should().BeFalse();
            full.Peek().Should().Be(1);
            _ = full[0];
            empty.TryRead(out _).Should().BeFalse();
            seen.Add(item);
        }

        seen.Should().Equal(1, 2);
    }

    [Fact]
    public void Wraps_around_many_times_without_losing_the_order()
    {
        var buffer = new CircularBuffer<int>(7);
        int nextWrite = 0;
        int nextRead = 0;

        for (int round = 0; round < 5_000; round++)
        {
            int writes = round % 7 + 1;
            for (int i = 0; i < writes && !buffer.IsFull; i++)
            {
                buffer.Write(nextWrite++);
            }

            int reads = (round * 5 + 3) % 7 + 1;
            for (int i = 0; i < reads && buffer.TryRead(out int item); i++)
            {
                item.Should().Be(nextRead++, $"items leave in the order they came, round {round}");
            }
        }

        while (buffer.TryRead(out int item))
        {
            item.Should().Be(nextRead++);
        }

        nextRead.Should().Be(nextWrite);
        nextWrite.Should().BeGreaterThan(1_000 * buffer.Capacity, "the ring went round more than a thousand times");
    }

    [Fact]
    public void A_buffer_of_capacity_one_holds_one_item()
    {
        var rejecting = new CircularBuffer<int>(1);
        var overwriting = new CircularBuffer<int>(1, CircularBufferOverflow.OverwriteOldest);

        rejecting.Write(1);
        rejecting.TryWrite(2).Should().BeFalse();
        overwriting.Write(1);
        overwriting.Write(2);

        rejecting.IsFull.Should().BeTrue();
        rejecting.Read().Should().Be(1);
        overwriting.Should().Equal(2);
        overwriting.Read().Should().Be(2);
        overwriting.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Default_values_are_stored_like_any_other()
    {
        var buffer = new CircularBuffer<string?>(2);

        buffer.Write(null);
        buffer.Write("b");

        buffer.Count.Should().Be(2);
        buffer.TryRead(out string? first).Should().BeTrue();
        first.Should().BeNull();
        buffer.Read().Should().Be("b");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_capacity_below_one_is_rejected(int capacity)
    {
        Action create = () => _ = new CircularBuffer<int>(capacity);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    public void An_undefined_overflow_policy_is_rejected(int overflow)
    {
        Action create = () => _ = new CircularBuffer<int>(4, (CircularBufferOverflow)overflow);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("overflow");
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

    [Theory]
    [InlineData(CircularBufferOverflow.Reject)]
    [InlineData(CircularBufferOverflow.OverwriteOldest)]
    public void Writes_and_reads_allocate_nothing(CircularBufferOverflow overflow)
    {
        var buffer = new CircularBuffer<string>(64, overflow);
        string[] items = [.. Enumerable.Range(0, 100).Select(i => $"item {i}")];
        Churn(buffer, items);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Churn(buffer, items);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

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
        long before = GC.GetAllocatedBytesForCurrentThread();
        sum += Sum(buffer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "GetEnumerator returns a struct, as Queue<T>'s does");
        sum.Should().Be(2 * 28);

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
