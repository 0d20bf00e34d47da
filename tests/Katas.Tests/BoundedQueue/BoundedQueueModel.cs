using CsCheck;

namespace Katas.Tests;

/// <summary>A bounded queue too simple to be wrong, for one thread: a <see cref="Queue{T}"/>, a capacity and a flag.</summary>
/// <param name="capacity">The most items it holds.</param>
/// <param name="completable">Whether CompleteAdding may come up, which makes the completion properties part of the invariant.</param>
internal sealed class BoundedQueueModel(int capacity, bool completable)
{
    /// <summary>How often CompleteAdding comes up in a short generated sequence: about one step in eleven.</summary>
    public const int CompleteAddingOften = 1_000;

    /// <summary>
    /// How often CompleteAdding comes up in a long seeded run: about one step in 5,000. In the tests' five runs of
    /// 10,000 steps it first comes at steps 2,146 to 8,160, so that each run has both an open and a completed part.
    /// </summary>
    public const int CompleteAddingRarely = 2;

    private readonly Queue<int> _items = new();

    /// <summary>
    /// The model test of the queue, declared once: random calls that cannot block on one thread, checked after
    /// every step against the model. An <c>Enqueue</c> or <c>Dequeue</c> that would wait is made as the
    /// <c>TryEnqueue</c> or <c>TryDequeue</c> without waiting instead. <c>CompleteAdding</c> comes up only when
    /// the configuration gives it a weight; only then are <c>IsAddingCompleted</c> and <c>IsCompleted</c> checked too.
    /// </summary>
    public static ModelTest<(int Capacity, int CompleteAddingWeight), BoundedQueue<int>, BoundedQueueModel> Test { get; } = new(
        config => new BoundedQueue<int>(config.Capacity),
        config => new BoundedQueueModel(config.Capacity, completable: config.CompleteAddingWeight > 0),
        config => Gen.Frequency(Steps(config.CompleteAddingWeight)))
    {
        Invariant = (queue, model) =>
            queue.Count != model.Count ? $"Count is {queue.Count}, but the model holds {model.Count} items"
            : !model.Completable ? null
            : queue.IsAddingCompleted != model.IsAddingCompleted ? $"IsAddingCompleted is {queue.IsAddingCompleted}, but the model says {model.IsAddingCompleted}"
            : queue.IsCompleted != model.IsCompleted ? $"IsCompleted is {queue.IsCompleted}, but the model says {model.IsCompleted}"
            : null,
        DescribeConfig = config => config.CompleteAddingWeight == 0 ? $"capacity {config.Capacity}" : $"capacity {config.Capacity} with CompleteAdding",
    };

    /// <summary>Gets the number of items.</summary>
    public int Count => _items.Count;

    /// <summary>Gets a value indicating whether adding is complete.</summary>
    public bool IsAddingCompleted { get; private set; }

    /// <summary>Gets a value indicating whether adding is complete and every item has been taken.</summary>
    public bool IsCompleted => IsAddingCompleted && _items.Count == 0;

    /// <summary>Gets the items, oldest first.</summary>
    public IEnumerable<int> Items => _items;

    /// <summary>Gets a value indicating whether CompleteAdding may come up.</summary>
    public bool Completable => completable;

    /// <summary>Gets a value indicating whether an Enqueue would wait: the queue is full and adding is not complete.</summary>
    public bool EnqueueWouldWait => !IsAddingCompleted && _items.Count == capacity;

    /// <summary>Gets a value indicating whether a Dequeue would wait: the queue is empty and adding is not complete.</summary>
    public bool DequeueWouldWait => !IsAddingCompleted && _items.Count == 0;

    /// <summary>What TryEnqueue without waiting does.</summary>
    /// <param name="item">The item.</param>
    /// <returns>Whether it was added: false when the queue is full.</returns>
    /// <exception cref="InvalidOperationException">Adding is complete.</exception>
    public bool TryEnqueue(int item)
    {
        if (IsAddingCompleted)
        {
            throw new InvalidOperationException("Adding is complete.");
        }

        if (_items.Count == capacity)
        {
            return false;
        }

        _items.Enqueue(item);
        return true;
    }

    /// <summary>What TryDequeue without waiting does.</summary>
    /// <returns>Whether an item was taken, and which.</returns>
    public (bool, int) TryDequeue() => _items.TryDequeue(out int item) ? (true, item) : (false, 0);

    /// <summary>What Dequeue does when it does not wait.</summary>
    /// <returns>The oldest item.</returns>
    /// <exception cref="InvalidOperationException">The queue is empty and adding is complete.</exception>
    public int Dequeue() => _items.TryDequeue(out int item) ? item : throw new InvalidOperationException("The queue is finished.");

    /// <summary>Completes adding.</summary>
    public void CompleteAdding() => IsAddingCompleted = true;

    // The operations, weighted as the hand-written model test of old weighed them; CompleteAdding only with a weight.
    private static (int, IGen<ModelStep<BoundedQueue<int>, BoundedQueueModel>>)[] Steps(int completeAddingWeight)
    {
        Gen<int> values = Gen.Int[0, 999];
        List<(int, IGen<ModelStep<BoundedQueue<int>, BoundedQueueModel>>)> steps =
        [
            (3_500, values.Select(TryEnqueueStep)),
            (1_500, values.Select(EnqueueStep)),
            (3_000, Gen.Const(TryDequeueStep())),
            (1_500, Gen.Const(DequeueStep())),
            (500, Gen.Const(ModelStep.Returns<BoundedQueue<int>, BoundedQueueModel, int>("Count", queue => queue.Count, model => model.Count))),
        ];
        if (completeAddingWeight > 0)
        {
            steps.Add((completeAddingWeight, Gen.Const(ModelStep.Does<BoundedQueue<int>, BoundedQueueModel>(
                "CompleteAdding()",
                queue => queue.CompleteAdding(),
                model => model.CompleteAdding()))));
        }

        return [.. steps];
    }

    private static ModelStep<BoundedQueue<int>, BoundedQueueModel> TryEnqueueStep(int value) =>
        ModelStep.Returns<BoundedQueue<int>, BoundedQueueModel, bool>(
            $"TryEnqueue({value}, zero)", queue => queue.TryEnqueue(value, TimeSpan.Zero, CancellationToken.None), model => model.TryEnqueue(value));

    private static ModelStep<BoundedQueue<int>, BoundedQueueModel> TryDequeueStep() =>
        ModelStep.Returns<BoundedQueue<int>, BoundedQueueModel, (bool, int)>(
            "TryDequeue(zero)", queue => (queue.TryDequeue(out int item, TimeSpan.Zero, CancellationToken.None), item), model => model.TryDequeue());

    // An Enqueue that would wait (full, adding not complete) is made as a TryEnqueue without waiting.
    private static ModelStep<BoundedQueue<int>, BoundedQueueModel> EnqueueStep(int value)
    {
        var enqueue = ModelStep.Does<BoundedQueue<int>, BoundedQueueModel>(
            $"Enqueue({value})", queue => queue.Enqueue(value, CancellationToken.None), model => model.TryEnqueue(value));
        var instead = TryEnqueueStep(value);
        return new($"Enqueue({value}) or, if it would wait, TryEnqueue({value}, zero)", (queue, model) =>
            (model.EnqueueWouldWait ? instead : enqueue).Apply(queue, model));
    }

    // A Dequeue that would wait (empty, adding not complete) is made as a TryDequeue without waiting.
    private static ModelStep<BoundedQueue<int>, BoundedQueueModel> DequeueStep()
    {
        var dequeue = ModelStep.Returns<BoundedQueue<int>, BoundedQueueModel, int>(
            "Dequeue()", queue => queue.Dequeue(CancellationToken.None), model => model.Dequeue());
        var instead = TryDequeueStep();
        return new("Dequeue() or, if it would wait, TryDequeue(zero)", (queue, model) =>
            (model.DequeueWouldWait ? instead : dequeue).Apply(queue, model));
    }
}
