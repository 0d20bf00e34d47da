namespace Katas.Tests;

/// <summary>What the bounded queue's tests of waiting calls share beyond <see cref="TestThreads"/>.</summary>
internal static class BoundedQueueThreads
{
    /// <summary>The item that fills the one slot of a queue on which a producer has to wait.</summary>
    public const int Filler = -1;

    /// <summary>A timeout of zero: the call does not wait.</summary>
    public static readonly TimeSpan NoWait = TimeSpan.Zero;

    /// <summary>A one-slot queue on which the call has to wait: full (holding <see cref="Filler"/>) for a producer, empty for a consumer.</summary>
    /// <param name="producer">Whether the call that must wait is a producer.</param>
    /// <param name="timeProvider">The queue's clock; <see langword="null"/> for the system's.</param>
    /// <returns>The queue.</returns>
    public static BoundedQueue<int> QueueThatMakesItWait(bool producer, TimeProvider? timeProvider = null)
    {
        var queue = new BoundedQueue<int>(1, timeProvider);
        if (producer)
        {
            queue.Enqueue(Filler, CancellationToken.None);
        }

        return queue;
    }

    /// <summary>Gives a call waiting on <see cref="QueueThatMakesItWait"/> what it waits for: room (the filler taken out) or an item.</summary>
    /// <param name="queue">The queue.</param>
    /// <param name="producer">Whether the waiting call is a producer.</param>
    /// <param name="item">The item for a waiting consumer.</param>
    public static void GiveWhatItWaitsFor(BoundedQueue<int> queue, bool producer, int item)
    {
        if (producer)
        {
            queue.Dequeue(CancellationToken.None).Should().Be(Filler);
        }
        else
        {
            queue.Enqueue(item, CancellationToken.None);
        }
    }

    /// <summary>What a woken call that has finished delivered: a producer's item, taken back out, or the item a consumer took.</summary>
    /// <param name="call">The call.</param>
    /// <param name="queue">The queue.</param>
    /// <param name="producer">Whether the call is a producer.</param>
    /// <returns>The item.</returns>
    public static async Task<int> DeliveredBy(Task call, BoundedQueue<int> queue, bool producer) =>
        producer ? queue.Dequeue(CancellationToken.None) : await (Task<int>)call;

    /// <summary>
    /// Gives other threads a moment: a thread-pool thread that has just run a continuation spins a while
    /// looking for more work, and a woken thread needs a moment to be scheduled. The pauses only make an
    /// interleaving likely (the test's next call getting in first, or the woken call having run); no result
    /// depends on time.
    /// </summary>
    public static void PauseForOtherThreads() => Thread.Sleep(1);

    /// <summary>
    /// Judges a producer call that raced a cancellation: its item must be in the queue exactly when the call
    /// returned normally, and nowhere when it threw <see cref="OperationCanceledException"/>. Empties the queue.
    /// </summary>
    /// <param name="added">The producer call.</param>
    /// <param name="queue">The queue, holding nothing but what the call may have added.</param>
    /// <param name="item">The item the call was adding.</param>
    /// <param name="what">What raced, for messages, such as "Enqueue racing a cancellation (round 3)".</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <returns>A task that completes when the call has been judged.</returns>
    public static async Task ShouldHaveAddedExactlyIfItReturned(this Task added, BoundedQueue<int> queue, int item, string what, CancellationToken cancellationToken)
    {
        bool wasAdded;
        try
        {
            await added.ShouldFinish(what, cancellationToken);
            wasAdded = true;
        }
        catch (OperationCanceledException)
        {
            wasAdded = false;
        }

        bool found = queue.TryDequeue(out int taken, TimeSpan.Zero, CancellationToken.None);
        found.Should().Be(wasAdded, $"after {what} the item is in the queue exactly when the call returned normally");
        if (found)
        {
            taken.Should().Be(item);
        }

        queue.Count.Should().Be(0);
    }
}
