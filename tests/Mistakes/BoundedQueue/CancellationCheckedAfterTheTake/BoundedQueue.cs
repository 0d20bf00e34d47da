// Mistake: after waiting, it takes (or adds) the item and only then checks its token, so a cancellation that lands during the wait throws a taken item away, or reports an added one as not added.
using System.Diagnostics.CodeAnalysis;

namespace Katas;

[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue; the kata is named for it.")]
public sealed class BoundedQueue<T>
{
    private readonly object _gate = new();
    private readonly Queue<T> _items;
    private readonly List<TaskCompletionSource> _asyncWaiters = [];
    private bool _addingCompleted;

    public BoundedQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _items = new Queue<T>(capacity);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public bool IsAddingCompleted
    {
        get
        {
            lock (_gate)
            {
                return _addingCompleted;
            }
        }
    }

    public bool IsCompleted
    {
        get
        {
            lock (_gate)
            {
                return _addingCompleted && _items.Count == 0;
            }
        }
    }

    public void Enqueue(T item, CancellationToken cancellationToken = default) =>
        TryEnqueue(item, Timeout.InfiniteTimeSpan, cancellationToken);

    public bool TryEnqueue(T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        long deadline = Deadline(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        using CancellationTokenRegistration wake = WakeOnCancel(cancellationToken);
        lock (_gate)
        {
            while (true)
            {
                if (_addingCompleted)
                {
                    throw new InvalidOperationException("Adding is complete.");
                }

                if (_items.Count < Capacity)
                {
                    _items.Enqueue(item);
                    Changed();

                    // Honour a cancellation that arrived while this call was waiting.
                    cancellationToken.ThrowIfCancellationRequested();
                    return true;
                }

                cancellationToken.ThrowIfCancellationRequested();
                int remaining = Remaining(deadline);
                if (remaining == 0)
                {
                    return false;
                }

                Monitor.Wait(_gate, remaining);
            }
        }
    }

    public T Dequeue(CancellationToken cancellationToken = default)
    {
        if (!TryDequeue(out T? item, Timeout.InfiniteTimeSpan, cancellationToken))
        {
            throw new InvalidOperationException("The queue is empty and adding is complete.");
        }

        return item;
    }

    public bool TryDequeue([MaybeNullWhen(false)] out T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        long deadline = Deadline(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        using CancellationTokenRegistration wake = WakeOnCancel(cancellationToken);
        lock (_gate)
        {
            while (true)
            {
                if (_items.Count > 0)
                {
                    item = _items.Dequeue();
                    Changed();

                    // Honour a cancellation that arrived while this call was waiting.
                    cancellationToken.ThrowIfCancellationRequested();
                    return true;
                }

                if (_addingCompleted)
                {
                    item = default;
                    return false;
                }

                cancellationToken.ThrowIfCancellationRequested();
                int remaining = Remaining(deadline);
                if (remaining == 0)
                {
                    item = default;
                    return false;
                }

                Monitor.Wait(_gate, remaining);
            }
        }
    }

    public void CompleteAdding()
    {
        lock (_gate)
        {
            _addingCompleted = true;
            Changed();
        }
    }

    public async ValueTask EnqueueAsync(T item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                if (_addingCompleted)
                {
                    throw new InvalidOperationException("Adding is complete.");
                }

                if (_items.Count < Capacity)
                {
                    _items.Enqueue(item);
                    Changed();
                    return;
                }

                changed = WaitForChange();
            }

            await WaitAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<T> DequeueAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                if (_items.Count > 0)
                {
                    T item = _items.Dequeue();
                    Changed();
                    return item;
                }

                if (_addingCompleted)
                {
                    throw new InvalidOperationException("The queue is empty and adding is complete.");
                }

                changed = WaitForChange();
            }

            await WaitAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    // Called under the lock after every change: every waiter wakes and checks again.
    private void Changed()
    {
        Monitor.PulseAll(_gate);
        foreach (TaskCompletionSource waiter in _asyncWaiters)
        {
            waiter.TrySetResult();
        }

        _asyncWaiters.Clear();
    }

    private TaskCompletionSource WaitForChange()
    {
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _asyncWaiters.Add(changed);
        return changed;
    }

    private async Task WaitAsync(TaskCompletionSource changed, CancellationToken cancellationToken)
    {
        try
        {
            await changed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _asyncWaiters.Remove(changed);
            }

            throw;
        }
    }

    private CancellationTokenRegistration WakeOnCancel(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state =>
            {
                var queue = (BoundedQueue<T>)state!;
                lock (queue._gate)
                {
                    Monitor.PulseAll(queue._gate);
                }
            }, this)
            : default;

    private static long Deadline(TimeSpan timeout)
    {
        long milliseconds = (long)timeout.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, -1, nameof(timeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(milliseconds, int.MaxValue, nameof(timeout));
        return milliseconds == -1 ? long.MaxValue : Environment.TickCount64 + milliseconds;
    }

    private static int Remaining(long deadline) =>
        deadline == long.MaxValue ? Timeout.Infinite : (int)Math.Clamp(deadline - Environment.TickCount64, 0, int.MaxValue);
}
