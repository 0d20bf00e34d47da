using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// Dedicated threads for concurrency tests: they start together, so that contention is real; a failure on
/// any of them fails the test; and a call that should return but blocks fails with a message saying what
/// blocked instead of hanging the run.
/// </summary>
public static class TestThreads
{
    /// <summary>How long a call that should return is given before it is declared blocked; generous, as it only catches deadlocks.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="body"/> on <paramref name="count"/> new background threads at once.</summary>
    /// <param name="count">How many threads.</param>
    /// <param name="body">What each thread runs, given its index.</param>
    /// <param name="cancellationToken">The test's token: the wait ends when the test times out.</param>
    /// <returns>A task that completes when every thread has finished, or faults with the first failure.</returns>
    public static Task RunTogetherAsync(int count, Action<int> body, CancellationToken cancellationToken)
    {
        int waiting = count;
        var finished = new Task[count];
        for (int index = 0; index < count; index++)
        {
            int thread = index;
            finished[index] = Start($"test thread {thread}", () =>
            {
                // Start together, so that the threads really contend instead of running one after another.
                Interlocked.Decrement(ref waiting);
                WaitAtTheStartLine(ref waiting);
                body(thread);
            }).Finished;
        }

        return Task.WhenAll(finished).WaitAsync(cancellationToken);
    }

    // Spins, yielding the core but never sleeping: a thread that slept a millisecond at the line would find
    // the others' scripts of a few microseconds long finished, and the race the test wants would not happen.
    private static void WaitAtTheStartLine(ref int waiting)
    {
        long deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        var spinner = default(SpinWait);
        while (Volatile.Read(ref waiting) != 0 && Environment.TickCount64 < deadline)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Runs <paramref name="body"/> on a new background thread.</summary>
    /// <typeparam name="TResult">What the work returns.</typeparam>
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
    /// <typeparam name="TResult">What the call returns.</typeparam>
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

    /// <summary>Checks that a call is still waiting, failing if it has returned.</summary>
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
}
