// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (TestThreads.ShouldFinish), or get the test's token.
#pragma warning disable xUnit1051

using CsCheck;
using static Katas.Tests.BoundedQueueThreads;

namespace Katas.Tests;

/// <summary>
/// Stage 2 of the bounded queue: bad input is refused and changes nothing (a capacity below one, a negative
/// timeout other than Timeout.InfiniteTimeSpan to the tick, one too long, a token already cancelled);
/// CompleteAdding ends production while consumers drain what is left; and the queue allocates nothing per item.
/// </summary>
[Stage(2)]
public sealed class BoundedQueueInputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_capacity_below_one_is_rejected(int capacity)
    {
        Action create = () => _ = new BoundedQueue<int>(capacity);

        create.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("capacity");
    }

    [Fact]
    public void A_new_queue_is_neither_complete_for_adding_nor_completed()
    {
        var queue = new BoundedQueue<int>(3);

        queue.IsAddingCompleted.Should().BeFalse();
        queue.IsCompleted.Should().BeFalse();
    }

    // Every negative timeout near zero, on both sides of -1 ms (Timeout.InfiniteTimeSpan, the one negative timeout
    // allowed): truncated to whole milliseconds, the first three would pass for zero and the next two for infinite.
    public static TheoryData<TimeSpan> BadTimeouts => new()
    {
        TimeSpan.FromTicks(-1),
        TimeSpan.FromMilliseconds(-0.5),
        Timeout.InfiniteTimeSpan + TimeSpan.FromTicks(1),
        Timeout.InfiniteTimeSpan - TimeSpan.FromTicks(1),
        TimeSpan.FromMilliseconds(-1.5),
        TimeSpan.FromMilliseconds(-2),
        TimeSpan.MinValue,
        TimeSpan.FromMilliseconds((double)int.MaxValue + 1),
        TimeSpan.MaxValue,
    };

    [Theory]
    [MemberData(nameof(BadTimeouts))]
    public void A_negative_or_too_long_timeout_is_rejected_and_changes_nothing(TimeSpan timeout)
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);

        ((Action)(() => queue.TryEnqueue(2, timeout))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timeout");
        ((Action)(() => queue.TryDequeue(out _, timeout))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timeout");

        queue.Count.Should().Be(1);
        queue.TryDequeue(out int left, NoWait).Should().BeTrue();
        left.Should().Be(1, "the item that was there is still the only one");
        queue.TryDequeue(out _, NoWait).Should().BeFalse("the refused TryEnqueue added nothing");
    }

    public static TheoryData<TimeSpan> LongestGoodTimeouts => new()
    {
        Timeout.InfiniteTimeSpan,
        TimeSpan.FromMilliseconds(int.MaxValue),
    };

    [Theory]
    [MemberData(nameof(LongestGoodTimeouts))]
    public void An_infinite_timeout_and_the_longest_finite_one_are_accepted(TimeSpan timeout)
    {
        var queue = new BoundedQueue<int>(2);

        queue.TryEnqueue(1, timeout).Should().BeTrue();
        queue.TryDequeue(out int item, timeout).Should().BeTrue();
        item.Should().Be(1);
    }

    [Fact]
    public void A_token_cancelled_before_the_call_makes_it_throw_and_change_nothing()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        CancellationToken cancelled = cancellation.Token;

        ((Action)(() => queue.Enqueue(2, cancelled))).Should().Throw<OperationCanceledException>();
        ((Action)(() => queue.TryEnqueue(2, NoWait, cancelled))).Should().Throw<OperationCanceledException>();
        ((Action)(() => queue.Dequeue(cancelled))).Should().Throw<OperationCanceledException>();
        ((Action)(() => queue.TryDequeue(out _, NoWait, cancelled))).Should().Throw<OperationCanceledException>();

        queue.Count.Should().Be(1);
        queue.Dequeue().Should().Be(1);
    }

    [Fact]
    public void Enqueue_after_CompleteAdding_throws_InvalidOperationException()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);

        queue.CompleteAdding();

        queue.IsAddingCompleted.Should().BeTrue();
        ((Action)(() => queue.Enqueue(2))).Should().Throw<InvalidOperationException>();
        ((Action)(() => queue.TryEnqueue(2, NoWait))).Should().Throw<InvalidOperationException>();
        queue.Count.Should().Be(1);
    }

    [Fact]
    public void Consumers_take_what_is_left_after_CompleteAdding_and_then_learn_the_queue_is_finished()
    {
        var queue = new BoundedQueue<int>(3);
        queue.Enqueue(1);
        queue.Enqueue(2);

        queue.CompleteAdding();

        queue.IsCompleted.Should().BeFalse("two items are still to be taken");
        queue.Dequeue().Should().Be(1);
        queue.TryDequeue(out int second, Timeout.InfiniteTimeSpan).Should().BeTrue();
        second.Should().Be(2);
        queue.IsCompleted.Should().BeTrue();
        queue.TryDequeue(out _, Timeout.InfiniteTimeSpan).Should().BeFalse("no item will ever come, so even an infinite wait ends");
        ((Action)(() => queue.Dequeue())).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void CompleteAdding_twice_is_harmless()
    {
        var queue = new BoundedQueue<int>(1);
        queue.Enqueue(1);

        queue.CompleteAdding();
        queue.CompleteAdding();

        queue.Dequeue().Should().Be(1);
        queue.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public void Enqueue_and_Dequeue_allocate_nothing_per_item()
    {
        var queue = new BoundedQueue<int>(64);
        for (int i = 0; i < 1_000; i++)
        {
            queue.Enqueue(i);
            queue.Dequeue();
        }

        long sum = 0;
        long allocated = Allocations.Fewest(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                queue.Enqueue(i);
                queue.TryEnqueue(i, NoWait);
                sum += queue.Dequeue();
                queue.TryDequeue(out int item, NoWait);
                sum += item;
            }
        });

        allocated.Should().Be(0, "a queue that does not have to wait reuses its storage");
        sum.Should().Be(Allocations.Runs * 2L * 9_999 * 10_000 / 2);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 7)]
    [InlineData(5, 64)]
    public void Random_operations_with_CompleteAdding_match_a_simple_model_step_by_step(int seed, int capacity) =>
        BoundedQueueModel.Test.Run((capacity, BoundedQueueModel.CompleteAddingRarely), seed, 10_000);

    [Fact]
    public void Generated_operation_sequences_with_CompleteAdding_match_the_model_and_a_failure_shrinks_to_the_shortest_one() =>
        BoundedQueueModel.Test.Sample(Gen.Int[1, 5].Select(capacity => (capacity, BoundedQueueModel.CompleteAddingOften)), maxSteps: 50);
}
