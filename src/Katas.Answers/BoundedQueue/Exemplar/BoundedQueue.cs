using System.Diagnostics.CodeAnalysis;

namespace Katas;

/// <summary>
/// The bounded queue a strong candidate writes in 45 minutes: one lock around a <see cref="Queue{T}"/>; a blocking
/// caller waits on the lock's monitor in a loop, an async caller on a <see cref="TaskCompletionSource"/>, and
/// every change wakes them all to look again. The contract is the stub's XML docs
/// (src/Katas.Exercises/BoundedQueue/BoundedQueue.cs); README.md beside this folder says why this design and
/// what it costs.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue; the kata is named for it.")]
public sealed class BoundedQueue<T>
{
    // The longest finite timeout the contract allows.
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    // The lock that guards everything below, and the monitor blocking callers wait on.
    private readonly object _gate = new();

    // The items, oldest first; created with the capacity, so that it never grows.
    private readonly Queue<T> _items;

    // The async callers waiting for the next change; Changed completes them all and clears the list.
    private readonly List<TaskCompletionSource> _asyncWaiters = [];

    // The clock of timed waits.
    private readonly TimeProvider _time;

    // Set by CompleteAdding, and never cleared.
    private bool _addingCompleted;

    public BoundedQueue(int capacity, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _items = new Queue<T>(capacity);
        _time = timeProvider ?? TimeProvider.System;
    }

    public int Capacity { get; }

    public int Count => Snapshot().Count;

    public bool IsAddingCompleted => Snapshot().AddingCompleted;

    public bool IsCompleted => Snapshot() is { AddingCompleted: true, Count: 0 };

    public void Enqueue(T item, CancellationToken cancellationToken = default) =>
        TryEnqueue(item, Timeout.InfiniteTimeSpan, cancellationToken);

    public bool TryEnqueue(T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        long start = StartTimedCall(timeout, cancellationToken);
        using CancellationTokenRegistration wake = WakeOnCancel(cancellationToken);
        lock (_gate)
        {
            // A loop, not an if: a woken caller may find the room taken again by a faster one.
            while (!TryAdd(item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!WaitForChange(timeout, start))
                {
                    return false;
                }
            }

            return true;
        }
    }

    public T Dequeue(CancellationToken cancellationToken = default) =>
        TryDequeue(out T? item, Timeout.InfiniteTimeSpan, cancellationToken) ? item : throw Finished();

    public bool TryDequeue([MaybeNullWhen(false)] out T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        long start = StartTimedCall(timeout, cancellationToken);
        using CancellationTokenRegistration wake = WakeOnCancel(cancellationToken);
        lock (_gate)
        {
            while (!TryTake(out item))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_addingCompleted || !WaitForChange(timeout, start))
                {
                    return false;
                }
            }

            return true;
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
                if (TryAdd(item))
                {
                    return;
                }

                changed = WaitForChangeAsync();
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
                if (TryTake(out T? item))
                {
                    return item;
                }

                changed = _addingCompleted ? throw Finished() : WaitForChangeAsync();
            }

            await WaitAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    // Under the lock: adds the item if there is room.
    private bool TryAdd(T item)
    {
        if (_addingCompleted)
        {
            throw new InvalidOperationException("Adding is complete.");
        }

        if (_items.Count == Capacity)
        {
            return false;
        }

        _items.Enqueue(item);
        Changed();
        return true;
    }

    // Under the lock: takes the oldest item if there is one.
    private bool TryTake([MaybeNullWhen(false)] out T item)
    {
        if (!_items.TryDequeue(out item))
        {
            return false;
        }

        Changed();
        return true;
    }

    // The count and the flag at one moment, read under the lock.
    private (int Count, bool AddingCompleted) Snapshot()
    {
        lock (_gate)
        {
            return (_items.Count, _addingCompleted);
        }
    }

    // Called under the lock after every change: every waiter wakes and looks again.
    private void Changed()
    {
        Monitor.PulseAll(_gate);
        _asyncWaiters.ForEach(static waiter => waiter.TrySetResult());
        _asyncWaiters.Clear();
    }

    // Waits, under the lock, for the next change; false once `timeout` has passed since `start`, the moment of the
    // call: a call woken for nothing waits only for what is left of its timeout, and keeps its deadline.
    private bool WaitForChange(TimeSpan timeout, long start)
    {
        bool timed = timeout != Timeout.InfiniteTimeSpan;
        TimeSpan remaining = timeout - _time.GetElapsedTime(start);
        if (timed && remaining <= TimeSpan.Zero)
        {
            return false;
        }

        // The clock's own timer, not Monitor.Wait's timeout (which counts real time), so that a fake clock can end it.
        using ITimer? alarm = timed ? _time.CreateTimer(PulseAll, this, remaining, Timeout.InfiniteTimeSpan) : null;
        Monitor.Wait(_gate);
        return !timed || _time.GetElapsedTime(start) < timeout;
    }

    private TaskCompletionSource WaitForChangeAsync()
    {
        // Asynchronous continuations: the caller that completes it holds the lock, and must not run the woken call.
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
        cancellationToken.CanBeCanceled ? cancellationToken.Register(PulseAll, this) : default;

    private long StartTimedCall(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The TimeSpan itself, not its whole milliseconds: -0.5 ms is negative, not zero, and -1.5 ms is not infinite.
        if ((timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan) || timeout > LongestTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be Timeout.InfiniteTimeSpan or between zero and int.MaxValue milliseconds.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        return _time.GetTimestamp();
    }

    private static InvalidOperationException Finished() => new("The queue is empty and adding is complete.");

    private static void PulseAll(object? state)
    {
        var queue = (BoundedQueue<T>)state!;
        lock (queue._gate)
        {
            Monitor.PulseAll(queue._gate);
        }
    }
}
