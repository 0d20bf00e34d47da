using CsCheck;

namespace Katas.Tests;

/// <summary>A stack of ints as a list whose minimum is found by scanning it: O(n) per Min and obviously right.</summary>
internal sealed class MinStackModel
{
    private readonly List<int> _items = [];

    /// <summary>Gets the number of items.</summary>
    public int Count => _items.Count;

    /// <summary>
    /// The model test of the stack, declared once: random pushes and pops, the count, minimum and top compared after
    /// every step, the exceptions of an empty stack included. A drifting run alternates between phases of 2,000
    /// steps that mostly push (60 %) and mostly pop (40 % push), so the stack grows deep and is emptied now and then;
    /// otherwise two steps in three push.
    /// </summary>
    public static ModelTest<(int Values, bool Drifting), MinStack<int>, MinStackModel> Test { get; } = new(
        _ => new MinStack<int>(),
        _ => new MinStackModel(),
        Steps)
    {
        Invariant = Agree,
        DescribeConfig = config => $"items from {-config.Values} to {config.Values}",
    };

    /// <summary>Pushes an item.</summary>
    /// <param name="item">The item.</param>
    public void Push(int item) => _items.Add(item);

    /// <summary>Pops the top item.</summary>
    /// <returns>The item.</returns>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public int Pop()
    {
        int item = Peek();
        _items.RemoveAt(_items.Count - 1);
        return item;
    }

    /// <summary>Returns the top item.</summary>
    /// <returns>The item.</returns>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public int Peek() => _items.Count > 0 ? _items[^1] : throw new InvalidOperationException("The model is empty.");

    /// <summary>Scans for the smallest item.</summary>
    /// <returns>The item.</returns>
    /// <exception cref="InvalidOperationException">The stack is empty.</exception>
    public int Min() => _items.Count > 0 ? _items.Min() : throw new InvalidOperationException("The model is empty.");

    private static Gen<ModelStep<MinStack<int>, MinStackModel>> Steps((int Values, bool Drifting) config)
    {
        var push = Gen.Int[-config.Values, config.Values].Select(item =>
            ModelStep.Does<MinStack<int>, MinStackModel>($"Push({item})", s => s.Push(item), m => m.Push(item)));
        var pop = Gen.Const(ModelStep.Returns<MinStack<int>, MinStackModel, int>("Pop()", s => s.Pop(), m => m.Pop()));
        if (!config.Drifting)
        {
            return Gen.Frequency((2, push), (1, pop));
        }

        // A run draws its steps one after another from the generator made for it, so the generator can count them.
        int step = 0;
        return Gen.Int[0, 99].SelectMany(roll => roll < (step++ / 2_000 % 2 == 0 ? 60 : 40) ? push : pop);
    }

    private static string? Agree(MinStack<int> stack, MinStackModel model)
    {
        if (stack.Count != model.Count)
        {
            return $"Count is {stack.Count}, but the model holds {model.Count} items";
        }

        var min = Outcome.Of(stack.Min);
        var expectedMin = Outcome.Of(model.Min);
        if (!min.Agrees(expectedMin))
        {
            return $"Min() returned {min}, but the model says {expectedMin}";
        }

        var top = Outcome.Of(stack.Peek);
        var expectedTop = Outcome.Of(model.Peek);
        return top.Agrees(expectedTop) ? null : $"Peek() returned {top}, but the model says {expectedTop}";
    }
}
