using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Long random interleavings of pushes and pops, the stack checked after every step against a model that
/// is too simple to be wrong: a list whose minimum is found by scanning it.
/// </summary>
public sealed class MinStackModelTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 10)]
    [InlineData(3, 1_000)]
    [InlineData(4, 2)]
    public void Random_pushes_and_pops_match_a_scanning_model_step_by_step(int seed, int valueRange)
    {
        var random = new Random(seed);
        var stack = new MinStack<int>();
        var model = new List<int>();
        var history = new OperationHistory();

        for (int step = 0; step < 20_000; step++)
        {
            // Drift between deep and shallow phases, so the stack is emptied now and then and also grows deep.
            int pushPercent = (step / 2_000) % 2 == 0 ? 60 : 40;
            if (model.Count == 0 || random.Next(100) < pushPercent)
            {
                int item = random.Next(-valueRange, valueRange + 1);
                history.Add($"Push({item})");
                stack.Push(item);
                model.Add(item);
            }
            else
            {
                history.Add("Pop()");
                stack.Pop().Should().Be(model[^1], "{0}", history);
                model.RemoveAt(model.Count - 1);
            }

            Check(stack, model, history);
        }
    }

    [Fact]
    public void Random_operation_lists_match_the_model_and_shrink_to_a_shortest_failure()
    {
        var operation = Gen.Select(Gen.Int[0, 2], Gen.Int[-3, 3], (kind, item) => new Operation(kind == 0 ? OperationKind.Pop : OperationKind.Push, item));

        operation.Array[0, 60].Sample(
            operations =>
            {
                var stack = new MinStack<int>();
                var model = new List<int>();
                var history = new OperationHistory();
                foreach (var op in operations)
                {
                    history.Add(op.ToString());
                    if (op.Kind == OperationKind.Push)
                    {
                        stack.Push(op.Item);
                        model.Add(op.Item);
                    }
                    else if (model.Count == 0)
                    {
                        stack.Invoking(s => s.Pop()).Should().Throw<InvalidOperationException>("{0}", history);
                    }
                    else
                    {
                        stack.Pop().Should().Be(model[^1], "{0}", history);
                        model.RemoveAt(model.Count - 1);
                    }

                    Check(stack, model, history);
                }
            },
            iter: 3_000,
            print: operations => string.Join(", ", operations));
    }

    private static void Check(MinStack<int> stack, List<int> model, OperationHistory history)
    {
        stack.Count.Should().Be(model.Count, "{0}", history);
        if (model.Count == 0)
        {
            stack.Invoking(s => s.Min()).Should().Throw<InvalidOperationException>("{0}", history);
            stack.Invoking(s => s.Peek()).Should().Throw<InvalidOperationException>("{0}", history);
        }
        else
        {
            stack.Min().Should().Be(model.Min(), "{0}", history);
            stack.Peek().Should().Be(model[^1], "{0}", history);
        }
    }

    /// <summary>The operations so far; formatted into a failure message only when an assertion fails.</summary>
    private sealed class OperationHistory
    {
        private readonly List<string> _operations = [];

        public void Add(string operation) => _operations.Add(operation);

        public override string ToString() =>
            $"after {_operations.Count} operations, the last ones being: {string.Join(", ", _operations.TakeLast(8))}";
    }

    private enum OperationKind
    {
        Push,
        Pop,
    }

    private readonly record struct Operation(OperationKind Kind, int Item)
    {
        public override string ToString() => Kind == OperationKind.Push ? $"Push({Item})" : "Pop()";
    }
}
