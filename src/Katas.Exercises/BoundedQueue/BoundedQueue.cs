using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// A first-in, first-out queue of fixed capacity for producers and consumers on different threads: adding
/// to a full queue waits for room, taking from an empty one waits for an item.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// Any number of threads may enqueue and dequeue at once. Every item added is taken exactly once, and items
/// come out in the order they went in. Waiting can be cancelled: a cancelled call has no effect, so no item
/// is lost and none is delivered twice.
/// </para>
/// <para>
/// <see cref="CompleteAdding"/> ends production: later enqueues throw, and consumers take the items left and
/// then learn that the queue is finished.
/// </para>
/// <para>
/// A timed wait (<see cref="TryEnqueue"/>, <see cref="TryDequeue"/>) is measured on the queue's
/// <see cref="TimeProvider"/>, from the moment of the call: its deadline holds however often the call is woken
/// without getting what it waits for. See src/Katas.Exercises/BoundedQueue/README.md.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue; the kata is named for it.")]
public sealed class BoundedQueue<T>
{
    /// <summary>Initializes an empty queue that holds at most <paramref name="capacity"/> items.</summary>
    /// <param name="capacity">The most items the queue holds; a producer waits while it holds that many.</param>
    /// <param name="timeProvider">
    /// The clock that timed waits are measured on, and whose timers end them; <see langword="null"/> for
    /// <see cref="TimeProvider.System"/>.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is zero or negative.</exception>
    public BoundedQueue(int capacity, TimeProvider? timeProvider = null)
    {
        throw new NotImplementedException("BoundedQueue: start here. Read src/Katas.Exercises/BoundedQueue/README.md, then run ./kata check bounded-queue.");
    }

    /// <summary>Gets the most items the queue holds.</summary>
    public int Capacity => throw new NotImplementedException("BoundedQueue.Capacity is not implemented yet.");

    /// <summary>Gets the number of items in the queue.</summary>
    /// <remarks>O(1). With other threads at work, the count may change the moment after it is read.</remarks>
    public int Count => throw new NotImplementedException("BoundedQueue.Count is not implemented yet.");

    /// <summary>Gets a value indicating whether <see cref="CompleteAdding"/> has been called.</summary>
    public bool IsAddingCompleted => throw new NotImplementedException("BoundedQueue.IsAddingCompleted is not implemented yet.");

    /// <summary>Gets a value indicating whether adding is complete and every item has been taken.</summary>
    public bool IsCompleted => throw new NotImplementedException("BoundedQueue.IsCompleted is not implemented yet.");

    /// <summary>Adds an item at the tail, waiting while the queue is full.</summary>
    /// <param name="item">The item to add.</param>
    /// <param name="cancellationToken">Cancels the wait; a cancelled call adds nothing.</param>
    /// <remarks>O(1) when there is room; otherwise waits until a consumer makes room.</remarks>
    /// <exception cref="InvalidOperationException"><see cref="CompleteAdding"/> has been called, before or during the wait.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the item was added.</exception>
    public void Enqueue(T item, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("BoundedQueue.Enqueue is not implemented yet.");
    }

    /// <summary>Adds an item at the tail, waiting at most <paramref name="timeout"/> for room.</summary>
    /// <param name="item">The item to add.</param>
    /// <param name="timeout">
    /// How long to wait for room, on the queue's clock and counted from the call, however often the call is woken
    /// and finds the room taken: <see cref="TimeSpan.Zero"/> not to wait, <see cref="Timeout.InfiniteTimeSpan"/>
    /// to wait as long as it takes.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait; a cancelled call adds nothing.</param>
    /// <returns><see langword="true"/> when the item was added; <see langword="false"/> when the queue stayed full.</returns>
    /// <remarks>O(1) when there is room.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="timeout"/> is negative, by however little (a tick is enough), and not exactly
    /// <see cref="Timeout.InfiniteTimeSpan"/>; or it is longer than <see cref="int.MaxValue"/> milliseconds. The
    /// call then changes nothing.
    /// </exception>
    /// <exception cref="InvalidOperationException"><see cref="CompleteAdding"/> has been called, before or during the wait.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the item was added.</exception>
    public bool TryEnqueue(T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("BoundedQueue.TryEnqueue is not implemented yet.");
    }

    /// <summary>Takes the item at the head, waiting while the queue is empty.</summary>
    /// <param name="cancellationToken">Cancels the wait; a cancelled call takes nothing.</param>
    /// <returns>The item that has been in the queue longest.</returns>
    /// <remarks>O(1) when an item is there; otherwise waits until a producer adds one.</remarks>
    /// <exception cref="InvalidOperationException">The queue is empty and adding is complete, so no item will ever come.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before an item was taken.</exception>
    public T Dequeue(CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("BoundedQueue.Dequeue is not implemented yet.");
    }

    /// <summary>Takes the item at the head, waiting at most <paramref name="timeout"/> for one.</summary>
    /// <param name="item">The item that has been in the queue longest; the default value when none was taken.</param>
    /// <param name="timeout">
    /// How long to wait for an item, on the queue's clock and counted from the call, however often the call is
    /// woken and finds the item taken: <see cref="TimeSpan.Zero"/> not to wait, <see cref="Timeout.InfiniteTimeSpan"/>
    /// to wait as long as it takes.
    /// </param>
    /// <param name="cancellationToken">Cancels the wait; a cancelled call takes nothing.</param>
    /// <returns>
    /// <see langword="true"/> when an item was taken; <see langword="false"/> when the queue stayed empty, or is
    /// empty with adding complete (then <see cref="IsCompleted"/> is <see langword="true"/>).
    /// </returns>
    /// <remarks>O(1) when an item is there.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="timeout"/> is negative, by however little (a tick is enough), and not exactly
    /// <see cref="Timeout.InfiniteTimeSpan"/>; or it is longer than <see cref="int.MaxValue"/> milliseconds. The
    /// call then changes nothing.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before an item was taken.</exception>
    public bool TryDequeue([MaybeNullWhen(false)] out T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("BoundedQueue.TryDequeue is not implemented yet.");
    }

    /// <summary>
    /// Marks the queue as complete for adding: later and waiting enqueues throw, and consumers take the items
    /// left and then learn that the queue is finished. Calling it again does nothing.
    /// </summary>
    /// <remarks>Wakes every waiting producer and consumer.</remarks>
    public void CompleteAdding()
    {
        throw new NotImplementedException("BoundedQueue.CompleteAdding is not implemented yet.");
    }

    /// <summary>Adds an item at the tail, waiting asynchronously while the queue is full.</summary>
    /// <param name="item">The item to add.</param>
    /// <param name="cancellationToken">Cancels the wait; a cancelled call adds nothing.</param>
    /// <returns>A task that completes when the item has been added.</returns>
    /// <remarks>
    /// Stage 4 of the kata: no thread, not even a thread-pool thread, is blocked while the call waits, and the
    /// call's continuation never runs on the thread that woke it, nor on the caller's synchronization context.
    /// </remarks>
    /// <exception cref="InvalidOperationException"><see cref="CompleteAdding"/> has been called, before or during the wait.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the item was added.</exception>
    public ValueTask EnqueueAsync(T item, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("BoundedQueue.EnqueueAsync is stage 4: finish the blocking methods first.");
    }

    /// <summary>Takes the item at the head, waiting asynchronously while the queue is empty.</summary>
    /// <param name="cancellationToken">Cancels the wait; a cancelled call takes nothing.</param>
    /// <returns>A task whose result is the item that has been in the queue longest.</returns>
    /// <remarks>
    /// Stage 4 of the kata: no thread, not even a thread-pool thread, is blocked while the call waits, and the
    /// call's continuation never runs on the thread that woke it, nor on the caller's synchronization context.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The queue is empty and adding is complete, so no item will ever come.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before an item was taken.</exception>
    public ValueTask<T> DequeueAsync(CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException("BoundedQueue.DequeueAsync is stage 4: finish the blocking methods first.");
    }
}
