namespace Katas.Benchmarks;

/// <summary>
/// Runs the same loop on several dedicated threads at once, round after round: the benchmark thread is one of
/// them, so one thread costs no coordination at all.
/// </summary>
public sealed class BenchmarkWorkers : IDisposable
{
    private readonly Action<int> _work;
    private readonly Thread[] _helpers;
    private readonly Barrier? _round;
    private volatile bool _stopping;

    /// <summary>Initializes the workers and starts the helper threads, which wait for the first round.</summary>
    /// <param name="threads">How many threads run <paramref name="work"/> in each round, the caller's included.</param>
    /// <param name="work">The loop each thread runs once per round, given the thread's index (the caller's is 0).</param>
    public BenchmarkWorkers(int threads, Action<int> work)
    {
        _work = work;
        _helpers = new Thread[threads - 1];
        if (_helpers.Length == 0)
        {
            return;
        }

        _round = new Barrier(threads);
        for (int i = 0; i < _helpers.Length; i++)
        {
            int index = i + 1;
            _helpers[i] = new Thread(() => Help(index)) { IsBackground = true, Name = $"benchmark worker {index}" };
            _helpers[i].Start();
        }
    }

    /// <summary>Runs one round: every thread runs the loop once; returns when all have finished.</summary>
    public void RunRound()
    {
        if (_round is null)
        {
            _work(0);
            return;
        }

        _round.SignalAndWait();
        _work(0);
        _round.SignalAndWait();
    }

    /// <summary>Stops the helper threads.</summary>
    public void Dispose()
    {
        if (_round is not null)
        {
            _stopping = true;
            _round.SignalAndWait();
            foreach (Thread helper in _helpers)
            {
                helper.Join();
            }

            _round.Dispose();
        }
    }

    private void Help(int index)
    {
        while (true)
        {
            _round!.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            _work(index);
            _round.SignalAndWait();
        }
    }
}
