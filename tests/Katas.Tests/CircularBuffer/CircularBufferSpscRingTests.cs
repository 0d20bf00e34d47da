using System.Runtime.CompilerServices;
using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Stage 4 of the circular buffer: the lock-free ring for one producer and one consumer, on one thread at a
/// time first: its capacity, order, full and empty, cancelled waits, and nothing allocated or kept alive.
/// </summary>
[Stage(4)]
public sealed class CircularBufferSpscRingTests
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

    [Fact(Timeout = 20_000)]
    public async Task A_read_waiting_on_an_empty_ring_takes_the_next_write()
    {
        var ring = new SpscRingBuffer<int>(2);
        var cancellationToken = TestContext.Current.CancellationToken;

        var (_, read) = TestThreads.Start("a Read on an empty ring", () => ring.Read(cancellationToken));
        ring.Write(42, cancellationToken);

        (await read.ShouldFinish("a Read on a ring that was just written to", cancellationToken)).Should().Be(42);
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

        long allocated = Allocations.Fewest(() => Churn(ring, items));

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

    [Fact]
    public void Wraps_around_many_times_on_one_thread() =>
        CircularBufferSpscModel.Test.Run(3, seed: 7, 100_000);

    [Fact]
    public void Random_call_lists_on_one_thread_match_a_queue_and_a_failure_shrinks_to_the_shortest_list() =>
        CircularBufferSpscModel.Test.Sample(Gen.Int[1, 5], maxSteps: 60, iterations: 5_000);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WriteNewObject(SpscRingBuffer<object> ring)
    {
        var item = new object();
        ring.TryWrite(item).Should().BeTrue();
        return new WeakReference(item);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadAndDrop(SpscRingBuffer<object> ring) => ring.TryRead(out _).Should().BeTrue();
}
