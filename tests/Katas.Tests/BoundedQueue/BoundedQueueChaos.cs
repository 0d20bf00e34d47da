namespace Katas.Tests;

/// <summary>Cancels a shared token at random moments and replaces it, until stopped.</summary>
/// <remarks>Replaced sources are left to the garbage collector: other threads may still be waiting on their tokens.</remarks>
internal sealed class BoundedQueueChaos : IDisposable
{
    // The source of the token handed out now; replaced by a fresh one after each cancellation.
    private CancellationTokenSource _current = new();

    // Set by Stop; the chaos thread checks it between cancellations.
    private volatile bool _stopped;

    /// <summary>Gets the token to wait on now; it may be cancelled at any moment.</summary>
    public CancellationToken Token => Volatile.Read(ref _current).Token;

    /// <summary>Makes <see cref="Run"/> return after its current cancellation.</summary>
    public void Stop() => _stopped = true;

    /// <inheritdoc/>
    public void Dispose() => Volatile.Read(ref _current).Dispose();

    /// <summary>Cancels and replaces the token at random moments, from a fixed seed, until <see cref="Stop"/>.</summary>
    public void Run()
    {
        var random = new Random(7);
        while (!_stopped)
        {
            Thread.SpinWait(random.Next(1_000, 50_000));
            CancellationTokenSource previous = Volatile.Read(ref _current);
            previous.Cancel();
            Thread.SpinWait(random.Next(100, 5_000));
            Volatile.Write(ref _current, new CancellationTokenSource());
        }
    }
}
