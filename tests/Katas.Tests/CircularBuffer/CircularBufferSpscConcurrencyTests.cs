using Xunit.Sdk;

namespace Katas.Tests;

/// <summary>
/// Stage 5 of the circular buffer: the SPSC ring under real contention, one producer thread and one consumer
/// thread running at once through millions of items that must arrive complete, once each and in order, while
/// a third thread watches <see cref="SpscRingBuffer{T}.Count"/>.
/// </summary>
/// <remarks>
/// A ring that reads and writes its positions without <see cref="Volatile"/> passes these tests on x64 all the
/// same: x64 keeps a thread's stores in order and its loads in order, so the reordering that Volatile forbids
/// never happens there, and the JIT does not hoist a field read out of a loop that calls a method. Such a ring
/// is wrong by the .NET memory model and fails on ARM64; no test run on x64 can show it.
/// </remarks>
[Stage(5)]
public sealed class CircularBufferSpscConcurrencyTests
{
    // The tests below finish in about a second here; the timeouts only catch a deadlocked attempt.
    [Theory(Timeout = 30_000)]
    [InlineData(1, 200_000)]
    [InlineData(64, 2_000_000)]
    [InlineData(1_024, 2_000_000)]
    public async Task One_producer_and_one_consumer_move_every_item_exactly_once_in_order(int capacity, int items)
    {
        var ring = new SpscRingBuffer<int>(capacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        long received = 0;

        await TestThreads.RunTogetherAsync(2, thread => StopAllOnFailure(stop, () =>
        {
            if (thread == 0)
            {
                for (int item = 1; item <= items; item++)
                {
                    var spinner = default(SpinWait);
                    while (!ring.TryWrite(item))
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        spinner.SpinOnce(sleep1Threshold: -1);
                    }
                }

                return;
            }

            for (int expected = 1; expected <= items; expected++)
            {
                int item;
                var spinner = default(SpinWait);
                while (!ring.TryRead(out item))
                {
                    stop.Token.ThrowIfCancellationRequested();
                    spinner.SpinOnce(sleep1Threshold: -1);
                }

                if (item != expected)
                {
                    throw new XunitException($"Item {expected} was expected, {item} arrived (after {received} items in order).");
                }

                received++;
            }
        }), TestContext.Current.CancellationToken);

        received.Should().Be(items);
        ring.TryRead(out _).Should().BeFalse("nothing arrives twice");
        ring.Count.Should().Be(0);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_blocking_forms_hand_over_objects_whole_and_in_order_while_Count_stays_in_bounds()
    {
        const int Items = 500_000;
        const int Capacity = 16;
        var ring = new SpscRingBuffer<Message>(Capacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        int received = 0;
        int observations = 0;

        await TestThreads.RunTogetherAsync(3, thread => StopAllOnFailure(stop, () =>
        {
            switch (thread)
            {
                case 0:
                    for (int sequence = 0; sequence < Items; sequence++)
                    {
                        ring.Write(new Message(sequence, $"m{sequence}"), stop.Token);
                    }

                    break;
                case 1:
                    for (int expected = 0; expected < Items; expected++)
                    {
                        var message = ring.Read(stop.Token);
                        if (message is null || message.Sequence != expected || message.Text != $"m{expected}")
                        {
                            throw new XunitException($"Message {expected} was expected, {message?.ToString() ?? "null"} arrived.");
                        }

                        received++;
                    }

                    stop.Cancel();
                    break;
                default:
                    while (!stop.IsCancellationRequested)
                    {
                        int count = ring.Count;
                        if (count < 0 || count > Capacity)
                        {
                            throw new XunitException($"Count was {count}, outside [0, {Capacity}].");
                        }

                        if (++observations % 64 == 0)
                        {
                            Thread.Yield();
                        }
                    }

                    break;
            }
        }), TestContext.Current.CancellationToken);

        received.Should().Be(Items);
        observations.Should().BePositive();
        ring.IsEmpty.Should().BeTrue();
        ring.Count.Should().Be(0);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(64)]
    public async Task Count_read_from_a_third_thread_stays_within_zero_and_the_capacity_while_both_sides_run_flat_out(int capacity)
    {
        // Neither side ever waits politely, and the third thread reads Count as fast as it can: over millions
        // of items, the moments when a Count read falls between the two sides' moves all come up.
        const int Items = 3_000_000;
        var ring = new SpscRingBuffer<int>(capacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        long written = 0;
        long received = 0;
        long observations = 0;

        await TestThreads.RunTogetherAsync(3, thread => StopAllOnFailure(stop, () =>
        {
            switch (thread)
            {
                case 0:
                    for (int item = 1; item <= Items; item++)
                    {
                        while (!ring.TryWrite(item))
                        {
                            stop.Token.ThrowIfCancellationRequested();
                        }

                        written++;
                    }

                    break;
                case 1:
                    for (int expected = 1; expected <= Items; expected++)
                    {
                        int item;
                        while (!ring.TryRead(out item))
                        {
                            stop.Token.ThrowIfCancellationRequested();
                        }

                        if (item != expected)
                        {
                            throw new XunitException($"Item {expected} was expected, {item} arrived.");
                        }

                        received++;
                    }

                    stop.Cancel();
                    break;
                default:
                    while (!stop.IsCancellationRequested)
                    {
                        int count = ring.Count;
                        observations++;
                        if (count < 0 || count > capacity)
                        {
                            throw new XunitException(
                                $"Count was {count}, outside [0, {capacity}], at observation {observations} (after {Volatile.Read(ref received)} items had been read).");
                        }
                    }

                    break;
            }
        }), TestContext.Current.CancellationToken);

        written.Should().Be(Items);
        received.Should().Be(Items);
        observations.Should().BePositive("the third thread watched Count while the items went through");
        ring.Count.Should().Be(0);
        ring.TryRead(out _).Should().BeFalse("every item was read once");
    }

    // Runs one side of a test. If it fails, it stops the other sides, which would otherwise wait for it
    // forever; a side stopped that way returns quietly, so that the failure is what the test reports.
    private static void StopAllOnFailure(CancellationTokenSource stop, Action side)
    {
        try
        {
            side();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Another side failed, or the test timed out: that is what the test reports.
        }
        catch (Exception)
        {
            stop.Cancel();
            throw;
        }
    }

    private sealed record Message(int Sequence, string Text);
}
