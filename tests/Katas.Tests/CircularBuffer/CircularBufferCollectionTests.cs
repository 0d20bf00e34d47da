using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Stage 2 of the circular buffer: what a library collection adds to the exercise (an indexer, fail-fast
/// enumeration), bad arguments refused, and the model tests over every operation.
/// </summary>
[Stage(2)]
public sealed class CircularBufferCollectionTests
{
    [Fact]
    public void An_empty_buffer_enumerates_nothing()
    {
        var buffer = new CircularBuffer<int>(3, CircularBufferOverflow.OverwriteOldest);
        var emptied = new CircularBuffer<int>(2);
        emptied.Write(1);
        emptied.Read();

        buffer.Should().BeEmpty();
        emptied.Should().BeEmpty("the item read is gone");
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

    [Theory]
    [InlineData(1, 1, CircularBufferOverflow.Reject)]
    [InlineData(2, 3, CircularBufferOverflow.Reject)]
    [InlineData(3, 16, CircularBufferOverflow.Reject)]
    [InlineData(4, 1, CircularBufferOverflow.OverwriteOldest)]
    [InlineData(5, 5, CircularBufferOverflow.OverwriteOldest)]
    [InlineData(6, 64, CircularBufferOverflow.OverwriteOldest)]
    public void Random_operations_match_a_list_model_step_by_step(int seed, int capacity, CircularBufferOverflow overflow) =>
        CircularBufferModel.Test.Run((capacity, overflow, 2), seed, 5_000);

    [Fact]
    public void Random_operation_lists_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        CircularBufferModel.Test.Sample(
            Gen.Select(Gen.Int[1, 6], Gen.Enum<CircularBufferOverflow>(), (capacity, overflow) => (capacity, overflow, 10)),
            maxSteps: 40,
            iterations: 20_000);
}
