using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// Runs blocking calls on dedicated threads and waits for them with a bound, so that an attempt that
/// deadlocks fails with a message saying what blocked instead of hanging the test run.
/// </summary>
internal static class BoundedQueueThreads
{
    /// <summary>How long a call that should return is given before it is declared blocked; generous, as it only catches deadlocks.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="body"/> on a new background thread.</summary>
    /// <param name="name">What the thread does, for messages.</param>
    /// <param name="body">The work.</param>
    /// <returns>The thread, and a task that completes with the work's result or failure.</returns>
    public static (Thread Thread, Task<TResult> Finished) Start<TResult>(string name, Func<TResult> body)
    {
        var finished = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                finished.SetResult(body());
            }
            catch (Exception exception)
            {
                finished.SetException(exception);
            }
        })
        { IsBackground = true, Name = name };
        thread.Start();
        return (thread, finished.Task);
    }

    /// <summary>Runs <paramref name="body"/> on a new background thread.</summary>
    /// <param name="name">What the thread does, for messages.</param>
    /// <param name="body">The work.</param>
    /// <returns>The thread, and a task that completes when the work does.</returns>
    public static (Thread Thread, Task<bool> Finished) Start(string name, Action body) =>
        Start(name, () =>
        {
            body();
            return true;
        });

    /// <summary>
    /// Waits, at most a couple of seconds, until the thread sleeps or has finished: best effort, so that a
    /// test releases a thread that really is blocked rather than one that has not started yet.
    /// </summary>
    /// <param name="thread">The thread.</param>
    public static void WaitUntilBlocked(Thread thread) =>
        SpinWait.SpinUntil(
            () => (thread.ThreadState & (ThreadState.WaitSleepJoin | ThreadState.Stopped)) != 0,
            TimeSpan.FromSeconds(2));

    /// <summary>Awaits a call that should return, failing with a clear message if it blocks.</summary>
    /// <param name="task">The call.</param>
    /// <param name="what">What was called, for the message, such as "Enqueue on a queue with room".</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <returns>The call's result.</returns>
    public static async Task<TResult> ShouldFinish<TResult>(this Task<TResult> task, string what, CancellationToken cancellationToken)
    {
        await ShouldFinish((Task)task, what, cancellationToken);
        return await task;
    }

    /// <summary>Awaits a call that should return, failing with a clear message if it blocks.</summary>
    /// <param name="task">The call.</param>
    /// <param name="what">What was called, for the message.</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <returns>A task that completes when the call has.</returns>
    public static async Task ShouldFinish(this Task task, string what, CancellationToken cancellationToken)
    {
        Task first = await Task.WhenAny(task, Task.Delay(Patience, cancellationToken));
        if (first != task)
        {
            throw new XunitException($"{what} blocked: it had not returned after {Patience.TotalSeconds:0} s (a deadlock or a lost wake-up).");
        }

        await task;
    }

    /// <summary>Awaits a call that should stay blocked, failing if it returns first.</summary>
    /// <param name="task">The call.</param>
    /// <param name="thread">The thread making it.</param>
    /// <param name="what">What was called, for the message.</param>
    public static void ShouldStillBeBlocked(this Task task, Thread thread, string what)
    {
        WaitUntilBlocked(thread);
        if (task.IsCompleted)
        {
            throw new XunitException($"{what} should still be waiting, but it returned ({task.Status}{(task.Exception is null ? string.Empty : ": " + task.Exception.InnerException?.Message)}).");
        }
    }

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
