using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Random operation sequences checked after every step against a model too simple to be wrong: a list,
/// oldest item first. A fixed-seed walk gives long sequences; CsCheck gives short ones and, on failure,
/// shrinks them to the shortest sequence that still fails.
/// </summary>
public sealed class CircularBufferModelTests
{
    private enum CircularBufferOperation
    {
        Write,
        TryWrite,
        Read,
        TryRead,
        Peek,
        Index,
        Clear,
    }

    [Theory]
    [InlineData(1, 1, CircularBufferOverflow.Reject)]
    [InlineData(2, 3, CircularBufferOverflow.Reject)]
    [InlineData(3, 16, CircularBufferOverflow.Reject)]
    [InlineData(4, 1, CircularBufferOverflow.OverwriteOldest)]
    [InlineData(5, 5, CircularBufferOverflow.OverwriteOldest)]
    [InlineData(6, 64, CircularBufferOverflow.OverwriteOldest)]
    public void Random_operations_match_a_list_model_step_by_step(int seed, int capacity, CircularBufferOverflow overflow)
    {
        var random = new Random(seed);
        var buffer = new CircularBuffer<int>(capacity, overflow);
        var model = new ListModel(capacity, overflow);
        var history = new History();

        for (int step = 0; step < 5_000; step++)
        {
            // Writes slightly outnumber reads, so the buffer spends time both full and empty.
            int roll = random.Next(100);
            var operation = roll switch
            {
                < 22 => CircularBufferOperation.Write,
                < 44 => CircularBufferOperation.TryWrite,
                < 62 => CircularBufferOperation.Read,
                < 80 => CircularBufferOperation.TryRead,
                < 88 => CircularBufferOperation.Peek,
                < 98 => CircularBufferOperation.Index,
                _ => CircularBufferOperation.Clear,
            };
            int argument = operation == CircularBufferOperation.Index ? random.Next(-1, capacity + 1) : step;

            Apply(buffer, model, operation, argument, history);
        }
    }

    [Fact]
    public void Random_operation_sequences_match_the_model_and_shrink_on_failure()
    {
        var operation = Gen.Select(Gen.Enum<CircularBufferOperation>(), Gen.Int[-1, 9]);
        var scenario = Gen.Select(Gen.Int[1, 6], Gen.Enum<CircularBufferOverflow>(), operation.Array[0, 40]);

        scenario.Sample(
            (capacity, overflow, operations) =>
            {
                var buffer = new CircularBuffer<int>(capacity, overflow);
                var model = new ListModel(capacity, overflow);
                var history = new History();
                foreach (var (kind, argument) in operations)
                {
                    Apply(buffer, model, kind, argument, history);
                }
            },
            iter: 20_000,
            print: scenario => $"capacity {scenario.Item1}, {scenario.Item2}: "
                + string.Join(", ", scenario.Item3.Select(step => $"{step.Item1}({step.Item2})")));
    }

    private static void Apply(
        CircularBuffer<int> buffer, ListModel model, CircularBufferOperation operation, int argument, History history)
    {
        // Plain comparisons first, FluentAssertions only on a mismatch: tens of thousands of steps stay fast.
        history.Add($"{operation}({argument})");
        switch (operation)
        {
            case CircularBufferOperation.Write:
                if (model.TryWrite(argument))
                {
                    ExpectNoException(() => buffer.Write(argument), history);
                }
                else
                {
                    ExpectException<InvalidOperationException>(() => buffer.Write(argument), history);
                }

                break;
            case CircularBufferOperation.TryWrite:
                Expect(buffer.TryWrite(argument), model.TryWrite(argument), history);
                break;
            case CircularBufferOperation.Read:
                if (model.TryRead(out int expected))
                {
                    Expect(buffer.Read(), expected, history);
                }
                else
                {
                    ExpectException<InvalidOperationException>(() => buffer.Read(), history);
                }

                break;
            case CircularBufferOperation.TryRead:
                bool modelRead = model.TryRead(out int modelItem);
                Expect(buffer.TryRead(out int item), modelRead, history);
                Expect(item, modelItem, history);
                break;
            case CircularBufferOperation.Peek:
                if (model.Items.Count > 0)
                {
                    Expect(buffer.Peek(), model.Items[0], history);
                }
                else
                {
                    ExpectException<InvalidOperationException>(() => buffer.Peek(), history);
                }

                break;
            case CircularBufferOperation.Index:
                if (argument >= 0 && argument < model.Items.Count)
                {
                    Expect(buffer[argument], model.Items[argument], history);
                }
                else
                {
                    ExpectException<ArgumentOutOfRangeException>(() => _ = buffer[argument], history);
                }

                break;
            default:
                buffer.Clear();
                model.Items.Clear();
                break;
        }

        Expect(buffer.Count, model.Items.Count, history);
        Expect(buffer.IsEmpty, model.Items.Count == 0, history);
        Expect(buffer.IsFull, model.Items.Count == model.Capacity, history);
        if (!buffer.SequenceEqual(model.Items))
        {
            buffer.Should().Equal(model.Items, "{0}", history);
        }
    }

    private static void Expect<T>(T actual, T expected, History history)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            actual.Should().Be(expected, "{0}", history);
        }
    }

    private static void ExpectException<TException>(Action action, History history)
        where TException : Exception
    {
        var thrown = Record.Exception(action);
        if (thrown is not TException)
        {
            thrown.Should().BeOfType<TException>("{0}", history);
        }
    }

    private static void ExpectNoException(Action action, History history)
    {
        var thrown = Record.Exception(action);
        if (thrown is not null)
        {
            thrown.Should().BeNull("{0}", history);
        }
    }

    /// <summary>The operations so far; FluentAssertions formats it into the message only when an assertion fails.</summary>
    private sealed class History : List<string>
    {
        public override string ToString() => $"after {Count} operations, the last ones being: {string.Join(", ", this.TakeLast(8))}";
    }

    /// <summary>A circular buffer as a list, oldest first: O(n) per read and obviously right.</summary>
    private sealed class ListModel(int capacity, CircularBufferOverflow overflow)
    {
        public int Capacity => capacity;

        public List<int> Items { get; } = [];

        public bool TryWrite(int item)
        {
            if (Items.Count == capacity)
            {
                if (overflow == CircularBufferOverflow.Reject)
                {
                    return false;
                }

                Items.RemoveAt(0);
            }

            Items.Add(item);
            return true;
        }

        public bool TryRead(out int item)
        {
            if (Items.Count == 0)
            {
                item = 0;
                return false;
            }

            item = Items[0];
            Items.RemoveAt(0);
            return true;
        }
    }
}
