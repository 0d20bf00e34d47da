using System.Runtime.CompilerServices;

namespace Katas.Tests;

/// <summary>Runs test bodies on dedicated threads, so that contention is real and a failure on any thread fails the test.</summary>
internal static class TokenBucketThreads
{
    /// <summary>Starts <paramref name="count"/> background threads running <paramref name="body"/> with their index.</summary>
    /// <param name="count">How many threads.</param>
    /// <param name="body">What each thread runs, given its index.</param>
    /// <param name="cancellationToken">The test's token: the wait ends when the test times out.</param>
    /// <returns>A task that completes when every thread has finished, or faults with the first failure.</returns>
    public static Task RunAsync(int count, Action<int> body, CancellationToken cancellationToken)
    {
        var finished = new Task[count];
        var started = new StrongBox<int>();
        for (int index = 0; index < count; index++)
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            int thread = index;
            new Thread(() =>
            {
                try
                {
                    // Start together, so that the threads really contend instead of running one after another.
                    Interlocked.Increment(ref started.Value);
                    SpinWait.SpinUntil(() => Volatile.Read(ref started.Value) == count, TimeSpan.FromSeconds(10));
                    body(thread);
                    completion.SetResult();
                }
                catch (Exception exception)
                {
                    completion.SetException(exception);
                }
            })
            { IsBackground = true, Name = $"TokenBucket test thread {thread}" }.Start();
            finished[index] = completion.Task;
        }

        return Task.WhenAll(finished).WaitAsync(cancellationToken);
    }
}
