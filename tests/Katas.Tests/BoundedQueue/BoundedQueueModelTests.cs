// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (BoundedQueueThreads), or get the test's token.
#pragma warning disable xUnit1051

using System.Globalization;
using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Random single-threaded operations checked against <see cref="BoundedQueueModel"/>: long fixed-seed runs
/// checked after every step, and CsCheck-generated runs that shrink a failure to the shortest sequence.
/// Only calls that cannot block are made, so these tests need no timeout.
/// </summary>
public sealed class BoundedQueueModelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 7)]
    [InlineData(5, 64)]
    public void Random_operations_match_a_simple_model_step_by_step(int seed, int capacity)
    {
        const int Steps = 10_000;
        var random = new Random(seed);
        var queue = new BoundedQueue<int>(capacity);
        var model = new BoundedQueueModel(capacity);
        var history = new History();

        for (int step = 0; step < Steps; step++)
        {
            int roll = random.Next(100);
            int value = random.Next(1_000);
            if (step == Steps - (5 * capacity) - 10)
            {
                history.Add("CompleteAdding()");
                queue.CompleteAdding();
                model.CompleteAdding();
            }
            else if (roll < 35 || (roll < 50 && (model.Count == capacity || model.IsAddingCompleted)))
            {
                history.Add($"TryEnqueue({value}, zero)");
                Outcome(() => queue.TryEnqueue(value, TimeSpan.Zero) ? "true" : "false").Should().Be(model.TryEnqueue(value), "{0}", history);
            }
            else if (roll < 50)
            {
                history.Add($"Enqueue({value})");
                queue.Enqueue(value);
                model.TryEnqueue(value).Should().Be("true");
            }
            else if (roll < 80 || (roll < 95 && model.Count == 0 && !model.IsAddingCompleted))
            {
                history.Add("TryDequeue(zero)");
                Outcome(() => queue.TryDequeue(out int item, TimeSpan.Zero) ? item.ToString(CultureInfo.InvariantCulture) : "none")
                    .Should().Be(model.TryDequeue(), "{0}", history);
            }
            else if (roll < 95)
            {
                history.Add("Dequeue()");
                string expected = model.IsCompleted ? "throws InvalidOperationException" : model.TryDequeue();
                Outcome(() => queue.Dequeue().ToString(CultureInfo.InvariantCulture)).Should().Be(expected, "{0}", history);
            }
            else
            {
                history.Add("Count");
            }

            queue.Count.Should().Be(model.Count, "{0}", history);
            queue.IsAddingCompleted.Should().Be(model.IsAddingCompleted, "{0}", history);
            queue.IsCompleted.Should().Be(model.IsCompleted, "{0}", history);
        }
    }

    [Fact]
    public void Generated_operation_sequences_match_the_model_and_a_failure_shrinks_to_the_shortest_one()
    {
        Gen<BoundedQueueStep> step = Gen.Frequency(
            (5, Gen.Int[0, 99].Select(value => new BoundedQueueStep(BoundedQueueStepKind.TryEnqueue, value))),
            (5, Gen.Const(new BoundedQueueStep(BoundedQueueStepKind.TryDequeue, 0))),
            (1, Gen.Const(new BoundedQueueStep(BoundedQueueStepKind.CompleteAdding, 0))));

        Gen.Select(Gen.Int[1, 5], step.Array[1, 50])
            .Sample(
                (capacity, steps) => Replay(capacity, steps) is null,
                iter: 3_000,
                print: run => $"new BoundedQueue<int>({run.Item1}): {string.Join(", ", run.Item2)} -> {Replay(run.Item1, run.Item2)}");
    }

    /// <summary>Runs the steps on a queue and on the model; returns the first difference, or null.</summary>
    private static string? Replay(int capacity, BoundedQueueStep[] steps)
    {
        var queue = new BoundedQueue<int>(capacity);
        var model = new BoundedQueueModel(capacity);
        for (int i = 0; i < steps.Length; i++)
        {
            BoundedQueueStep step = steps[i];
            string actual;
            string expected;
            switch (step.Kind)
            {
                case BoundedQueueStepKind.TryEnqueue:
                    actual = Outcome(() => queue.TryEnqueue(step.Value, TimeSpan.Zero) ? "true" : "false");
                    expected = model.TryEnqueue(step.Value);
                    break;
                case BoundedQueueStepKind.TryDequeue:
                    actual = Outcome(() => queue.TryDequeue(out int item, TimeSpan.Zero) ? item.ToString(CultureInfo.InvariantCulture) : "none");
                    expected = model.TryDequeue();
                    break;
                default:
                    queue.CompleteAdding();
                    model.CompleteAdding();
                    actual = expected = string.Empty;
                    break;
            }

            if (actual != expected)
            {
                return $"step {i + 1} ({step}) gave {actual}, the model {expected}";
            }

            if (queue.Count != model.Count || queue.IsCompleted != model.IsCompleted)
            {
                return $"after step {i + 1}, Count = {queue.Count} and IsCompleted = {queue.IsCompleted}; the model says {model.Count} and {model.IsCompleted}";
            }
        }

        return null;
    }

    private static string Outcome(Func<string> call)
    {
        try
        {
            return call();
        }
        catch (InvalidOperationException)
        {
            return "throws InvalidOperationException";
        }
    }

    internal enum BoundedQueueStepKind
    {
        TryEnqueue,
        TryDequeue,
        CompleteAdding,
    }

    /// <summary>One generated step.</summary>
    internal readonly record struct BoundedQueueStep(BoundedQueueStepKind Kind, int Value)
    {
        public override string ToString() => Kind switch
        {
            BoundedQueueStepKind.TryEnqueue => $"TryEnqueue({Value})",
            BoundedQueueStepKind.TryDequeue => "TryDequeue()",
            _ => "CompleteAdding()",
        };
    }

    /// <summary>The operations so far, formatted into a failure message only when an assertion fails.</summary>
    private sealed class History
    {
        private readonly List<string> _operations = [];

        public void Add(string operation) => _operations.Add(operation);

        public override string ToString() =>
            $"after {_operations.Count} operations, the last ones being: {string.Join(", ", _operations.TakeLast(8))}";
    }
}
