namespace Katas.Tests;

/// <summary>What the bounded queue's concurrency tests check beyond <see cref="TestThreads"/>.</summary>
internal static class BoundedQueueThreads
{
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
