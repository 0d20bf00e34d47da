using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Tasks.Sources;

namespace Katas;

/// <summary>
/// The reference bounded blocking queue: Dmitry Vyukov's bounded ring, claimed by compare-and-swap, with waiter
/// lists for the calls that must wait. The contract, member by member, is the stub's XML docs
/// (src/Katas.Exercises/BoundedQueue/BoundedQueue.cs); what is said here is how this implementation meets it.
/// </summary>
/// <typeparam name="T">The type of the items.</typeparam>
/// <remarks>
/// <para>
/// When the call does not have to wait, it is O(1), lock-free and allocation-free: the items live in a ring
/// of <see cref="Capacity"/> slots, producers claim a slot by advancing the tail with one compare-and-swap
/// and consumers by advancing the head, and a stamp in each slot says whose turn the slot is. The capacity
/// is allocated up front. <see cref="EnqueueAsync"/> and <see cref="DequeueAsync"/> then complete
/// synchronously, without allocating.
/// </para>
/// <para>
/// A call that must wait spins briefly and then sleeps in a waiter list; each enqueue wakes one sleeping
/// consumer and each dequeue one sleeping producer, and only when someone sleeps, so the fast path never
/// takes a lock. A woken call that finds its item or slot taken by a faster one sleeps again, with the
/// deadline it started with: the deadline is a start timestamp and a timeout on the queue's
/// <see cref="TimeProvider"/>, and a sleeper is woken at it by a timer of that provider.
/// </para>
/// <para>
/// <see cref="CompleteAdding"/> sets a mark bit in the tail. Producers fail their compare-and-swap and see
/// it; consumers take what is left and then see an empty queue with the mark, which is how they learn the
/// queue is finished.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue; the kata is named for it.")]
public sealed class BoundedQueue<T>
{
    // The longest finite timeout the contract allows.
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    // The slots, each with its item and its stamp (see the remarks on TryEnqueueCore).
    private readonly Slot[] _slots;

    // A position is lap * _oneLap + index. The mark bit lies between the index bits and the lap bits; it is
    // set in the tail once adding is complete. Its value minus one masks the index.
    private readonly long _markBit;
    private readonly long _oneLap;

    // Where consumers take (Head) and producers add (Tail), each on a cache line of its own.
    private BoundedQueuePositions _positions;

    // Guards the two waiter lists; taken only by calls that wait and by the calls that wake them.
    private readonly Lock _waitLock = new();

    // Producers sleeping on a full queue and consumers sleeping on an empty one, oldest first.
    private WaiterList _producers;
    private WaiterList _consumers;

    // The lengths of the two lists. Every dequeue reads _producersWaiting and every enqueue _consumersWaiting,
    // outside the lock, to learn whether anyone needs waking.
    private int _producersWaiting;
    private int _consumersWaiting;

    // The clock of timed waits: a sleeper's deadline is read on it, and its timers wake the sleeper at it.
    private readonly TimeProvider _time;

    // One asynchronous waiter per side kept for reuse, so that a waiting EnqueueAsync or DequeueAsync
    // usually allocates nothing.
    private AsyncWaiter? _spareProducer;
    private AsyncWaiter? _spareConsumer;

    public BoundedQueue(int capacity, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);

        Capacity = capacity;
        _time = timeProvider ?? TimeProvider.System;
        _markBit = (long)BitOperations.RoundUpToPowerOf2((ulong)capacity + 1);
        _oneLap = _markBit << 1;
        _slots = new Slot[capacity];
        for (int index = 0; index < capacity; index++)
        {
            _slots[index].Stamp = index;
        }
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            while (true)
            {
                // Read the tail on both sides of the head, so that both describe one moment.
                long tail = Volatile.Read(ref _positions.Tail);
                long head = Volatile.Read(ref _positions.Head);
                if (Volatile.Read(ref _positions.Tail) == tail)
                {
                    int count = (int)(ItemsBefore(tail & ~_markBit) - ItemsBefore(head));
                    Debug.Assert(count >= 0 && count <= Capacity, "The queue holds between 0 and Capacity items.");
                    return count;
                }
            }
        }
    }

    public bool IsAddingCompleted => (Volatile.Read(ref _positions.Tail) & _markBit) != 0;

    public bool IsCompleted
    {
        get
        {
            long tail = Volatile.Read(ref _positions.Tail);
            return (tail & _markBit) != 0 && (tail & ~_markBit) == Volatile.Read(ref _positions.Head);
        }
    }

    public void Enqueue(T item, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Status status = TryEnqueueCore(item);
        if (status != Status.Done)
        {
            EnqueueSlow(item, status, Timeout.InfiniteTimeSpan, cancellationToken);
        }
    }

    public bool TryEnqueue(T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        Status status = TryEnqueueCore(item);
        return status == Status.Done || EnqueueSlow(item, status, timeout, cancellationToken);
    }

    public T Dequeue(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Status status = TryDequeueCore(out T item);
        if (status != Status.Done && !DequeueSlow(out item, status, Timeout.InfiniteTimeSpan, cancellationToken))
        {
            ThrowCompleted();
        }

        return item;
    }

    public bool TryDequeue([MaybeNullWhen(false)] out T item, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(timeout);
        cancellationToken.ThrowIfCancellationRequested();
        Status status = TryDequeueCore(out item);
        return status == Status.Done || DequeueSlow(out item, status, timeout, cancellationToken);
    }

    public void CompleteAdding()
    {
        long tail = Interlocked.Or(ref _positions.Tail, _markBit);
        if ((tail & _markBit) != 0)
        {
            return;
        }

        lock (_waitLock)
        {
            WakeAll(ref _producers, ref _producersWaiting);
            WakeAll(ref _consumers, ref _consumersWaiting);
            AssertInvariants();
        }
    }

    public ValueTask EnqueueAsync(T item, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        return TryEnqueueCore(item) switch
        {
            Status.Done => default,
            Status.Completed => ValueTask.FromException(AddingCompletedException()),
            _ => EnqueueAsyncSlow(item, cancellationToken),
        };
    }

    public ValueTask<T> DequeueAsync(CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        return TryDequeueCore(out T item) switch
        {
            Status.Done => new ValueTask<T>(item),
            Status.Completed => ValueTask.FromException<T>(CompletedException()),
            _ => DequeueAsyncSlow(cancellationToken),
        };
    }

    /// <remarks>
    /// <para>
    /// A slot's stamp says whose turn it is. A producer holding tail position p may write the slot when its
    /// stamp is p, and then stamps it p + 1; a consumer holding head position p may read it when its stamp is
    /// p + 1, and then stamps it p + one lap, the position the next producer there will hold. Claiming the
    /// position with a compare-and-swap before touching the slot makes each slot one thread's at a time.
    /// </para>
    /// <para>
    /// The compare-and-swap on the tail is also a full fence before the read of _consumersWaiting: a consumer
    /// that registers as waiting and then re-checks the queue either sees this item or is seen here and woken.
    /// </para>
    /// </remarks>
    private Status TryEnqueueCore(T item)
    {
        Slot[] slots = _slots;
        long tail = Volatile.Read(ref _positions.Tail);
        SpinWait spinner = default;
        while (true)
        {
            if ((tail & _markBit) != 0)
            {
                return Status.Completed;
            }

            ref Slot slot = ref slots[(int)(tail & (_markBit - 1))];
            long stamp = Volatile.Read(ref slot.Stamp);
            if (stamp == tail)
            {
                long seen = Interlocked.CompareExchange(ref _positions.Tail, NextPosition(tail), tail);
                if (seen == tail)
                {
                    slot.Item = item;
                    Volatile.Write(ref slot.Stamp, tail + 1);
                    if (Volatile.Read(ref _consumersWaiting) != 0)
                    {
                        WakeOne(ref _consumers, ref _consumersWaiting);
                    }

                    return Status.Done;
                }

                tail = seen;
                continue;
            }

            if (stamp + _oneLap == tail + 1)
            {
                // The slot still holds the item written a lap ago. The queue is full unless a consumer has
                // already claimed that item and is about to free the slot; then wait for it, briefly.
                if (Volatile.Read(ref _positions.Head) + _oneLap == tail)
                {
                    return Status.FullOrEmpty;
                }

                spinner.SpinOnce(sleep1Threshold: -1);
            }

            // Otherwise another producer has taken this position: catch up with the tail.
            tail = Volatile.Read(ref _positions.Tail);
        }
    }

    private Status TryDequeueCore(out T item)
    {
        Slot[] slots = _slots;
        long head = Volatile.Read(ref _positions.Head);
        SpinWait spinner = default;
        while (true)
        {
            ref Slot slot = ref slots[(int)(head & (_markBit - 1))];
            long stamp = Volatile.Read(ref slot.Stamp);
            if (stamp == head + 1)
            {
                long seen = Interlocked.CompareExchange(ref _positions.Head, NextPosition(head), head);
                if (seen == head)
                {
                    item = slot.Item;
                    if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
                    {
                        // Do not keep the item alive from the slot.
                        slot.Item = default!;
                    }

                    Volatile.Write(ref slot.Stamp, head + _oneLap);
                    if (Volatile.Read(ref _producersWaiting) != 0)
                    {
                        WakeOne(ref _producers, ref _producersWaiting);
                    }

                    return Status.Done;
                }

                head = seen;
                continue;
            }

            if (stamp == head)
            {
                // The slot is empty in this lap. The queue is empty unless a producer has already claimed
                // the position and is about to fill it; then wait for it, briefly.
                long tail = Volatile.Read(ref _positions.Tail);
                if ((tail & ~_markBit) == head)
                {
                    item = default!;
                    return (tail & _markBit) != 0 ? Status.Completed : Status.FullOrEmpty;
                }

                spinner.SpinOnce(sleep1Threshold: -1);
            }

            head = Volatile.Read(ref _positions.Head);
        }
    }

    private bool EnqueueSlow(T item, Status status, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The fast attempt before this took no time worth counting: the timeout runs from here.
        long start = _time.GetTimestamp();
        SpinWait spinner = default;
        while (true)
        {
            if (status == Status.Done)
            {
                return true;
            }

            if (status == Status.Completed)
            {
                ThrowAddingCompleted();
            }

            if (timeout == TimeSpan.Zero)
            {
                return false;
            }

            // Spin a little first: a consumer usually makes room within microseconds, sooner than a sleeping
            // thread could be woken.
            if (!spinner.NextSpinWillYield)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                status = TryEnqueueCore(item);
                continue;
            }

            SyncWaiter waiter = SyncWaiter.ForCurrentThread();
            Register(waiter, ref _producers, ref _producersWaiting);
            status = TryEnqueueCore(item);
            if (status != Status.FullOrEmpty)
            {
                Abandon(waiter, ref _producers, ref _producersWaiting);
                continue;
            }

            if (!Sleep(waiter, start, timeout, ref _producers, ref _producersWaiting, cancellationToken))
            {
                return false;
            }

            status = TryEnqueueCore(item);
        }
    }

    private bool DequeueSlow(out T item, Status status, TimeSpan timeout, CancellationToken cancellationToken)
    {
        long start = _time.GetTimestamp();
        SpinWait spinner = default;
        item = default!;
        while (true)
        {
            if (status == Status.Done)
            {
                return true;
            }

            if (status == Status.Completed || timeout == TimeSpan.Zero)
            {
                return false;
            }

            if (!spinner.NextSpinWillYield)
            {
                spinner.SpinOnce(sleep1Threshold: -1);
                status = TryDequeueCore(out item);
                continue;
            }

            SyncWaiter waiter = SyncWaiter.ForCurrentThread();
            Register(waiter, ref _consumers, ref _consumersWaiting);
            status = TryDequeueCore(out item);
            if (status != Status.FullOrEmpty)
            {
                Abandon(waiter, ref _consumers, ref _consumersWaiting);
                continue;
            }

            if (!Sleep(waiter, start, timeout, ref _consumers, ref _consumersWaiting, cancellationToken))
            {
                return false;
            }

            status = TryDequeueCore(out item);
        }
    }

    /// <summary>Sleeps until woken; on a timeout or a cancellation leaves the list, handing on any wake it got meanwhile.</summary>
    /// <returns><see langword="true"/> when woken, <see langword="false"/> on timeout.</returns>
    private bool Sleep(SyncWaiter waiter, long start, TimeSpan timeout, ref WaiterList list, ref int waiting, CancellationToken cancellationToken)
    {
        bool woken;
        try
        {
            woken = waiter.Wait(_time, start, timeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Abandon(waiter, ref list, ref waiting);
            throw;
        }

        if (!woken)
        {
            Abandon(waiter, ref list, ref waiting);
        }

        return woken;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask EnqueueAsyncSlow(T item, CancellationToken cancellationToken)
    {
        AsyncWaiter waiter = Interlocked.Exchange(ref _spareProducer, null) ?? new AsyncWaiter(this, producer: true);
        try
        {
            while (true)
            {
                Register(waiter, ref _producers, ref _producersWaiting);
                Status status = TryEnqueueCore(item);
                if (status != Status.FullOrEmpty)
                {
                    Abandon(waiter, ref _producers, ref _producersWaiting);
                    if (status == Status.Done)
                    {
                        return;
                    }

                    ThrowAddingCompleted();
                }

                bool woken;
                using (waiter.CancelOn(cancellationToken))
                {
                    woken = await waiter.AsValueTask().ConfigureAwait(false);
                }

                if (!woken)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                status = TryEnqueueCore(item);
                if (status == Status.Done)
                {
                    return;
                }

                if (status == Status.Completed)
                {
                    ThrowAddingCompleted();
                }
            }
        }
        finally
        {
            waiter.Reset();
            Volatile.Write(ref _spareProducer, waiter);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> DequeueAsyncSlow(CancellationToken cancellationToken)
    {
        AsyncWaiter waiter = Interlocked.Exchange(ref _spareConsumer, null) ?? new AsyncWaiter(this, producer: false);
        try
        {
            while (true)
            {
                Register(waiter, ref _consumers, ref _consumersWaiting);
                Status status = TryDequeueCore(out T item);
                if (status != Status.FullOrEmpty)
                {
                    Abandon(waiter, ref _consumers, ref _consumersWaiting);
                    return status == Status.Done ? item : throw CompletedException();
                }

                bool woken;
                using (waiter.CancelOn(cancellationToken))
                {
                    woken = await waiter.AsValueTask().ConfigureAwait(false);
                }

                if (!woken)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                status = TryDequeueCore(out item);
                if (status == Status.Done)
                {
                    return item;
                }

                if (status == Status.Completed)
                {
                    throw CompletedException();
                }
            }
        }
        finally
        {
            waiter.Reset();
            Volatile.Write(ref _spareConsumer, waiter);
        }
    }

    private void Register(Waiter waiter, ref WaiterList list, ref int waiting)
    {
        lock (_waitLock)
        {
            waiter.Prepare();
            list.AddLast(waiter);

            // Interlocked: a full fence between publishing the count and the caller's re-check of the queue.
            Interlocked.Increment(ref waiting);
            AssertInvariants();
        }
    }

    /// <summary>Leaves the list; if a waker took this waiter off it first, hands the wake on to the next waiter.</summary>
    private void Abandon(Waiter waiter, ref WaiterList list, ref int waiting)
    {
        bool wasStillWaiting;
        lock (_waitLock)
        {
            wasStillWaiting = waiter.Registered;
            if (wasStillWaiting)
            {
                list.Remove(waiter);
                waiter.Registered = false;
                Interlocked.Decrement(ref waiting);
            }

            AssertInvariants();
        }

        if (!wasStillWaiting)
        {
            // The wake was meant for an item or a slot this call no longer needs; someone else may.
            WakeOne(ref list, ref waiting);
        }
    }

    private void CancelAsyncWaiter(AsyncWaiter waiter)
    {
        lock (_waitLock)
        {
            if (!waiter.Registered)
            {
                // Already woken: the wake stands, and the awaiting call goes on to use it.
                return;
            }

            if (waiter.IsProducer)
            {
                _producers.Remove(waiter);
                Interlocked.Decrement(ref _producersWaiting);
            }
            else
            {
                _consumers.Remove(waiter);
                Interlocked.Decrement(ref _consumersWaiting);
            }

            waiter.Registered = false;
            waiter.Complete(woken: false);
            AssertInvariants();
        }
    }

    private void WakeOne(ref WaiterList list, ref int waiting)
    {
        Waiter? waiter;
        lock (_waitLock)
        {
            waiter = list.RemoveFirst();
            if (waiter is null)
            {
                return;
            }

            waiter.Registered = false;
            Interlocked.Decrement(ref waiting);
            AssertInvariants();
            if (waiter is AsyncWaiter asyncWaiter)
            {
                // Completed under the lock, so that no late wake can reach the waiter once it is reused;
                // its continuation is queued, not run here.
                asyncWaiter.Complete(woken: true);
                return;
            }
        }

        // A sleeping thread is woken outside the lock; a late wake is harmless, as SyncWaiter.Wait re-checks.
        ((SyncWaiter)waiter).Wake();
    }

    private static void WakeAll(ref WaiterList list, ref int waiting)
    {
        while (list.RemoveFirst() is { } waiter)
        {
            waiter.Registered = false;
            Interlocked.Decrement(ref waiting);
            if (waiter is AsyncWaiter asyncWaiter)
            {
                asyncWaiter.Complete(woken: true);
            }
            else
            {
                ((SyncWaiter)waiter).Wake();
            }
        }
    }

    // The next index in the same lap, or index 0 of the next lap: wrap with a compare, not a modulo.
    private long NextPosition(long position) =>
        (position & (_markBit - 1)) + 1 < Capacity ? position + 1 : (position & ~(_oneLap - 1)) + _oneLap;

    private long ItemsBefore(long position) => (position / _oneLap * Capacity) + (position & (_markBit - 1));

    private static void ThrowIfInvalid(TimeSpan timeout)
    {
        // The TimeSpan itself, not its whole milliseconds, which would make -0.5 ms zero and -1.5 ms infinite.
        if ((timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan) || timeout > LongestTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be Timeout.InfiniteTimeSpan or between zero and int.MaxValue milliseconds.");
        }
    }

    [DoesNotReturn]
    private static void ThrowAddingCompleted() => throw AddingCompletedException();

    [DoesNotReturn]
    private static void ThrowCompleted() => throw CompletedException();

    private static InvalidOperationException AddingCompletedException() =>
        new("The queue has been marked as complete for adding.");

    private static InvalidOperationException CompletedException() =>
        new("The queue is empty and has been marked as complete for adding: no item will come.");

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_waitLock.IsHeldByCurrentThread, "The waiter lists are checked under their lock.");
        Debug.Assert(_producers.Length() == Volatile.Read(ref _producersWaiting), "_producersWaiting counts the sleeping producers.");
        Debug.Assert(_consumers.Length() == Volatile.Read(ref _consumersWaiting), "_consumersWaiting counts the sleeping consumers.");
    }

    private enum Status
    {
        Done,
        FullOrEmpty,
        Completed,
    }

    private struct Slot
    {
        // The position whose turn it is: see TryEnqueueCore.
        public long Stamp;

        public T Item;
    }

    /// <summary>Something waiting for room or for an item, in an intrusive list.</summary>
    private abstract class Waiter
    {
        // Neighbours in the list; both null when not in one.
        public Waiter? Previous;
        public Waiter? Next;

        // Whether the waiter is in a list. Only changed under the queue's wait lock; whoever clears it owns the wake.
        public volatile bool Registered;

        public virtual void Prepare() => Registered = true;
    }

    /// <summary>A thread sleeping in <see cref="Enqueue"/>, <see cref="Dequeue"/> or the Try forms.</summary>
    private sealed class SyncWaiter : Waiter
    {
        private static readonly Action<object?> PokeCallback = static state => ((SyncWaiter)state!).Poke();
        private static readonly TimerCallback AlarmCallback = static state => ((SyncWaiter)state!).Poke();

        // One per thread: a thread waits for one queue at a time.
        [ThreadStatic]
        private static SyncWaiter? _current;

        // The monitor the thread sleeps on; a waker pulses it after taking the waiter off its list.
        private readonly object _gate = new();

        public static SyncWaiter ForCurrentThread() => _current ??= new SyncWaiter();

        public void Wake() => Poke();

        /// <summary>Sleeps until taken off the list by a waker; returns false once the timeout has passed since the start.</summary>
        /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
        public bool Wait(TimeProvider time, long start, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using CancellationTokenRegistration registration = cancellationToken.UnsafeRegister(PokeCallback, this);
            ITimer? alarm = null;
            try
            {
                lock (_gate)
                {
                    // Registered is cleared before the pulse, and the pulse needs _gate, which this thread holds
                    // from the check until Monitor.Wait releases it: a wake cannot slip in between. A pulse meant
                    // for an earlier wait, or an alarm that rang a little early by the clock, only makes the loop
                    // check again.
                    while (Registered)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (timeout != Timeout.InfiniteTimeSpan)
                        {
                            TimeSpan remaining = timeout - time.GetElapsedTime(start);
                            if (remaining <= TimeSpan.Zero)
                            {
                                return false;
                            }

                            // The clock's own timer, not Monitor.Wait's, so that a fake clock decides when the wait ends.
                            alarm ??= time.CreateTimer(AlarmCallback, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                            alarm.Change(remaining, Timeout.InfiniteTimeSpan);
                        }

                        Monitor.Wait(_gate);
                    }

                    return true;
                }
            }
            finally
            {
                alarm?.Dispose();
            }
        }

        private void Poke()
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>A pending <see cref="EnqueueAsync"/> or <see cref="DequeueAsync"/>, awaited as a reusable value task.</summary>
    private sealed class AsyncWaiter(BoundedQueue<T> queue, bool producer) : Waiter, IValueTaskSource<bool>
    {
        private static readonly Action<object?> CancelCallback = static state =>
        {
            var waiter = (AsyncWaiter)state!;
            waiter._queue.CancelAsyncWaiter(waiter);
        };

        // The queue whose list the waiter joins.
        private readonly BoundedQueue<T> _queue = queue;

        // The completion: true when woken, false when cancelled. Continuations never run inline on the waker.
        private ManualResetValueTaskSourceCore<bool> _completion = new() { RunContinuationsAsynchronously = true };

        // Whether the completion has been set since the last Reset.
        private bool _completed;

        public bool IsProducer { get; } = producer;

        public void Complete(bool woken)
        {
            _completed = true;
            _completion.SetResult(woken);
        }

        public ValueTask<bool> AsValueTask() => new(this, _completion.Version);

        public CancellationTokenRegistration CancelOn(CancellationToken cancellationToken) =>
            cancellationToken.UnsafeRegister(CancelCallback, this);

        public override void Prepare()
        {
            // The completion of the previous wait has been consumed (or was never awaited); start afresh.
            Reset();
            base.Prepare();
        }

        public void Reset()
        {
            if (_completed)
            {
                _completed = false;
                _completion.Reset();
            }
        }

        public bool GetResult(short token) => _completion.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _completion.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _completion.OnCompleted(continuation, state, token, flags);
    }

    /// <summary>An intrusive first-in, first-out list of waiters.</summary>
    private struct WaiterList
    {
        private Waiter? _first;
        private Waiter? _last;

        public void AddLast(Waiter waiter)
        {
            waiter.Previous = _last;
            waiter.Next = null;
            if (_last is null)
            {
                _first = waiter;
            }
            else
            {
                _last.Next = waiter;
            }

            _last = waiter;
        }

        public Waiter? RemoveFirst()
        {
            Waiter? first = _first;
            if (first is not null)
            {
                Remove(first);
            }

            return first;
        }

        public void Remove(Waiter waiter)
        {
            if (waiter.Previous is null)
            {
                _first = waiter.Next;
            }
            else
            {
                waiter.Previous.Next = waiter.Next;
            }

            if (waiter.Next is null)
            {
                _last = waiter.Previous;
            }
            else
            {
                waiter.Next.Previous = waiter.Previous;
            }

            waiter.Previous = null;
            waiter.Next = null;
        }

        public readonly int Length()
        {
            int length = 0;
            for (Waiter? waiter = _first; waiter is not null; waiter = waiter.Next)
            {
                length++;
            }

            return length;
        }
    }
}

/// <summary>The head and tail positions of a <see cref="BoundedQueue{T}"/>, each on a cache line of its own.</summary>
/// <remarks>
/// Producers write the tail and consumers the head; sharing a cache line would make every enqueue slow down
/// every dequeue. 128 bytes covers the adjacent-line prefetch of x64 and the 128-byte lines of some ARM cores.
/// </remarks>
[StructLayout(LayoutKind.Explicit, Size = 3 * 128)]
internal struct BoundedQueuePositions
{
    /// <summary>The position consumers take from next.</summary>
    [FieldOffset(128)]
    public long Head;

    /// <summary>The position producers add at next, with the completion mark bit.</summary>
    [FieldOffset(256)]
    public long Tail;
}
