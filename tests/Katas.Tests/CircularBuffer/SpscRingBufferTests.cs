using System.Runtime.CompilerServices;

namespace Katas.Tests;

/// <summary>
/// The contract of the circular buffer kata, level two: a lock-free ring for one producer thread and one
/// consumer thread. First its behaviour on one thread, then real producer/consumer runs over millions of
/// items that must arrive complete, once each and in order.
/// </summary>
public sealed class SpscRingBufferTests
{
    [Fact]
    public void A_new_ring_is_empty_and_reports_its_capacity()
    {
        var ring = new SpscRingBuffer<int>(4);

        ring.Capacity.Should().Be(4);
        ring.Count.Should().Be(0);
        ring.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_capacity_below_one_is_rejected(int capacity)
    {
        Action create = () => _ = new SpscRingBuffer<int>(capacity);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }

    [Fact]
    public void Reading_an_empty_ring_returns_false_and_the_default()
    {
        var ring = new SpscRingBuffer<string>(2);

        ring.TryRead(out string? item).Should().BeFalse();

        item.Should().BeNull();
    }

    [Fact]
    public void Items_come_out_in_the_order_they_went_in()
    {
        var ring = new SpscRingBuffer<int>(3);

        ring.TryWrite(1).Should().BeTrue();
        ring.TryWrite(2).Should().BeTrue();
        ring.Write(3, TestContext.Current.CancellationToken);

        ring.Count.Should().Be(3);
        ring.TryRead(out int first).Should().BeTrue();
        first.Should().Be(1);
        ring.Read(TestContext.Current.CancellationToken).Should().Be(2);
        ring.Read(TestContext.Current.CancellationToken).Should().Be(3);
        ring.IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void A_full_ring_refuses_a_write_until_a_read_makes_room(int capacity)
    {
        var ring = new SpscRingBuffer<int>(capacity);
        for (int item = 0; item < capacity; item++)
        {
            ring.TryWrite(item).Should().BeTrue($"there is room for {capacity} items");
        }

        ring.TryWrite(-1).Should().BeFalse("the ring holds exactly its capacity");
        ring.Count.Should().Be(capacity);

        ring.TryRead(out int oldest).Should().BeTrue();
        oldest.Should().Be(0, "the refused write changed nothing");
        ring.TryWrite(capacity).Should().BeTrue();
        ring.TryWrite(-1).Should().BeFalse();
    }

    [Fact]
    public void Wraps_around_many_times_on_one_thread()
    {
        var ring = new SpscRingBuffer<int>(3);
        var model = new Queue<int>();
        var random = new Random(7);
        int next = 0;

        for (int step = 0; step < 100_000; step++)
        {
            if (random.Next(2) == 0)
            {
                bool written = ring.TryWrite(next);
                written.Should().Be(model.Count < 3, $"at step {step}");
                if (written)
                {
                    model.Enqueue(next);
                }

                next++;
            }
            else
            {
                bool read = ring.TryRead(out int item);
                read.Should().Be(model.Count > 0, $"at step {step}");
                if (read)
                {
                    item.Should().Be(model.Dequeue(), $"at step {step}");
                }
            }

            ring.Count.Should().Be(model.Count, $"at step {step}");
        }
    }

    [Fact(Timeout = 5_000)]
    public async Task Write_to_a_full_ring_gives_up_when_cancelled_and_changes_nothing()
    {
        await Task.Yield();
        var ring = new SpscRingBuffer<int>(1);
        ring.TryWrite(1).Should().BeTrue();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.Cancel();

        Action write = () => ring.Write(2, cancellation.Token);

        write.Should().Throw<OperationCanceledException>();
        ring.Count.Should().Be(1);
        ring.TryRead(out int item).Should().BeTrue();
        item.Should().Be(1);
        ring.IsEmpty.Should().BeTrue();
    }

    [Fact(Timeout = 5_000)]
    public async Task Read_from_an_empty_ring_gives_up_when_cancelled()
    {
        await Task.Yield();
        var ring = new SpscRingBuffer<int>(2);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.Cancel();

        Action read = () => ring.Read(cancellation.Token);

        read.Should().Throw<OperationCanceledException>();
        ring.TryWrite(5).Should().BeTrue();
        ring.Read(TestContext.Current.CancellationToken).Should().Be(5);
    }

    [Fact(Timeout = 5_000)]
    public async Task A_read_waiting_on_an_empty_ring_takes_the_next_write()
    {
        var ring = new SpscRingBuffer<int>(2);
        var cancellationToken = TestContext.Current.CancellationToken;

        var consumer = Task.Factory.StartNew(
            () => ring.Read(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        ring.Write(42, cancellationToken);

        (await consumer.WaitAsync(cancellationToken)).Should().Be(42);
    }

    [Fact]
    public void A_read_releases_the_item_to_the_garbage_collector()
    {
        var ring = new SpscRingBuffer<object>(4);
        WeakReference written = WriteNewObject(ring);

        ReadAndDrop(ring);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        written.IsAlive.Should().BeFalse("the ring must not keep a reference to an item it has handed out");
    }

    [Fact]
    public void Writes_and_reads_allocate_nothing()
    {
        var ring = new SpscRingBuffer<string>(16);
        string[] items = [.. Enumerable.Range(0, 40).Select(i => $"item {i}")];
        Churn(ring, items);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Churn(ring, items);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0, "the ring is allocated once, at construction");

        static void Churn(SpscRingBuffer<string> ring, string[] items)
        {
            for (int round = 0; round < 1_000; round++)
            {
                ring.TryWrite(items[round % items.Length]);
                ring.TryWrite(items[(round + 7) % items.Length]);
                ring.TryRead(out _);
                _ = ring.Count + (ring.IsEmpty ? 1 : 0);
            }

            while (ring.TryRead(out _))
            {
            }
        }
    }

    // The stress tests below finish in well under a second here; the timeouts only catch a deadlocked attempt.
    [Theory(Timeout = 10_000)]
    [InlineData(1, 200_000)]
    [InlineData(64, 2_000_000)]
    [InlineData(1_024, 2_000_000)]
    public async Task One_producer_and_one_consumer_move_every_item_exactly_once_in_order(int capacity, int items)
    {
        var ring = new SpscRingBuffer<int>(capacity);
        var cancellationToken = TestContext.Current.CancellationToken;

        var producer = RunOnItsOwnThread(
            () =>
            {
                for (int item = 1; item <= items; item++)
                {
                    var spinner = default(SpinWait);
                    while (!ring.TryWrite(item))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        spinner.SpinOnce(sleep1Threshold: -1);
                    }
                }
            },
            cancellationToken);
        var consumer = RunOnItsOwnThread(
            () =>
            {
                long received = 0;
                for (int expected = 1; expected <= items; expected++)
                {
                    int item;
                    var spinner = default(SpinWait);
                    while (!ring.TryRead(out item))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        spinner.SpinOnce(sleep1Threshold: -1);
                    }

                    if (item != expected)
                    {
                        throw new InvalidOperationException($"Item {expected} was expected, {item} arrived (after {received} items in order).");
                    }

                    received++;
                }

                return received;
            },
            cancellationToken);

        await producer.WaitAsync(cancellationToken);
        (await consumer.WaitAsync(cancellationToken)).Should().Be(items);
        ring.TryRead(out _).Should().BeFalse("nothing arrives twice");
        ring.Count.Should().Be(0);
    }

    [Fact(Timeout = 10_000)]
    public async Task The_blocking_forms_hand_over_objects_whole_and_in_order_while_Count_stays_in_bounds()
    {
        const int Items = 500_000;
        const int Capacity = 16;
        var ring = new SpscRingBuffer<Message>(Capacity);
        var cancellationToken = TestContext.Current.CancellationToken;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var observer = RunOnItsOwnThread(
            () =>
            {
                int observations = 0;
                while (!done.IsCancellationRequested)
                {
                    int count = ring.Count;
                    if (count < 0 || count > Capacity)
                    {
                        throw new InvalidOperationException($"Count was {count}, outside [0, {Capacity}].");
                    }

                    if (++observations % 64 == 0)
                    {
                        Thread.Yield();
                    }
                }

                return observations;
            },
            cancellationToken);
        var producer = RunOnItsOwnThread(
            () =>
            {
                for (int sequence = 0; sequence < Items; sequence++)
                {
                    ring.Write(new Message(sequence, $"m{sequence}"), cancellationToken);
                }
            },
            cancellationToken);
        var consumer = RunOnItsOwnThread(
            () =>
            {
                for (int expected = 0; expected < Items; expected++)
                {
                    var message = ring.Read(cancellationToken);
                    if (message is null || message.Sequence != expected || message.Text != $"m{expected}")
                    {
                        throw new InvalidOperationException($"Message {expected} was expected, {message?.ToString() ?? "null"} arrived.");
                    }
                }

                return Items;
            },
            cancellationToken);

        await producer.WaitAsync(cancellationToken);
        (await consumer.WaitAsync(cancellationToken)).Should().Be(Items);
        await done.CancelAsync();
        (await observer.WaitAsync(cancellationToken)).Should().BePositive();
        ring.IsEmpty.Should().BeTrue();
        ring.Count.Should().Be(0);
    }

    private static Task RunOnItsOwnThread(Action action, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(action, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task<T> RunOnItsOwnThread<T>(Func<T> function, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WriteNewObject(SpscRingBuffer<object> ring)
    {
        var item = new object();
        ring.TryWrite(item).Should().BeTrue();
        return new WeakReference(item);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadAndDrop(SpscRingBuffer<object> ring) => ring.TryRead(out _).Should().BeTrue();

    private sealed record Message(int Sequence, string Text);
}
