namespace Katas.Benchmarks;

/// <summary>
/// Dedicated producer and consumer threads that run one round of work each time <see cref="RunRound"/> is
/// called; the benchmark thread only starts the round and waits for its end.
/// </summary>
public sealed class BoundedQueueWorkers : IDisposable
{
    private readonly Thread[] _threads;
    private readonly Barrier _round;
    private volatile bool _stopping;

    /// <summary>Initializes the workers and starts their threads, which wait for the first round.</summary>
    /// <param name="work">One loop per thread, given the thread's index among those of its kind.</param>
    public BoundedQueueWorkers(params Action[] work)
    {
        _round = new Barrier(work.Length + 1);
        _threads = new Thread[work.Length];
        for (int i = 0; i < work.Length; i++)
        {
            Action loop = work[i];
            _threads[i] = new Thread(() => Work(loop)) { IsBackground = true, Name = $"BoundedQueue worker {i}" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs one round: every thread runs its loop once; returns when all have finished.</summary>
    public void RunRound()
    {
        _round.SignalAndWait();
        _round.SignalAndWait();
    }

    /// <summary>Stops the threads.</summary>
    public void Dispose()
    {
        _stopping = true;
        _round.SignalAndWait();
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        _round.Dispose();
    }

    private void Work(Action loop)
    {
        while (true)
        {
            _round.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            loop();
            _round.SignalAndWait();
        }
    }
}
