namespace Katas.Tests;

/// <summary>
/// Stage 1 of the circular buffer: the classic exercise's cases (read empty, write then read, full, overwrite,
/// clear), checked through reads alone.
/// </summary>
[Stage(1)]
public sealed class CircularBufferCoreTests
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
    }

    [Fact]
    public void Reject_is_the_default_policy()
    {
        var buffer = new CircularBuffer<int>(1);

        buffer.Overflow.Should().Be(CircularBufferOverflow.Reject);
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
    public void A_full_buffer_rejects_a_write_and_stays_unchanged()
    {
        var buffer = new CircularBuffer<int>(2);
        buffer.Write(1);
        buffer.Write(2);

        buffer.IsFull.Should().BeTrue();
        ((Action)(() => buffer.Write(3))).Should().Throw<InvalidOperationException>();
        buffer.TryWrite(4).Should().BeFalse();

        buffer.Count.Should().Be(2);
        buffer.Drain().Should().Equal(1, 2);
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
        buffer.Capacity.Should().Be(3);
        buffer.Drain().Should().Equal(5, 6, 7);
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

        buffer.Drain().Should().Equal(2, 3);
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

        buffer.Drain().Should().Equal(3, 4);
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
        buffer.Peek().Should().Be(999);
        buffer.Drain().Should().Equal(999, 1_000, 1_001, 1_002, 1_003);
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
        overwriting.Drain().Should().Equal(2);
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
}
