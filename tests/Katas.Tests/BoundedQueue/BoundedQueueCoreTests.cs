// The queue's methods take an optional CancellationToken. Calls that cannot block use none; calls that can
// block run on their own threads and are awaited with a bound (TestThreads.ShouldFinish), or get the test's token.
#pragma warning disable xUnit1051

using CsCheck;
using static Katas.Tests.BoundedQueueThreads;

namespace Katas.Tests;

/// <summary>
/// Stage 1 of the bounded queue: the queue on one thread. First in, first out, never more than its capacity,
/// and a call that would have to wait (TryEnqueue on a full queue, TryDequeue on an empty one, without a
/// timeout) says so instead. Last, thousands of random calls against a model too simple to be wrong.
/// </summary>
[Stage(1)]
public sealed class BoundedQueueCoreTests
{
    [Fact]
    public void A_new_queue_is_empty_and_reports_its_capacity()
    {
        var queue = new BoundedQueue<int>(3);

        queue.Capacity.Should().Be(3);
        queue.Count.Should().Be(0);
        queue.TryDequeue(out _, NoWait).Should().BeFalse();
    }

    [Fact]
    public void Items_come_out_in_the_order_they_went_in_also_across_the_wrap_around()
    {
        var queue = new BoundedQueue<int>(3);
        var taken = new List<int>();
        int next = 0;

        for (int round = 0; round < 10; round++)
        {
            queue.Enqueue(next++);
            queue.Enqueue(next++);
            taken.Add(queue.Dequeue());
            queue.Enqueue(next++);
            taken.Add(queue.Dequeue());
            taken.Add(queue.Dequeue());
        }

        taken.Should().Equal(Enumerable.Range(0, 30));
        queue.Count.Should().Be(0);
    }

    [Fact]
    public void Count_follows_enqueues_and_dequeues()
    {
        var queue = new BoundedQueue<string>(4);

        queue.Enqueue("a");
        queue.Enqueue("b");
        queue.Count.Should().Be(2);
        queue.TryEnqueue("c", NoWait).Should().BeTrue();
        queue.TryEnqueue("d", NoWait).Should().BeTrue();
        queue.Count.Should().Be(4);
        queue.Dequeue().Should().Be("a");
        queue.Count.Should().Be(3);
    }

    [Fact]
    public void Null_and_default_items_are_stored_like_any_other()
    {
        var queue = new BoundedQueue<string?>(2);

        queue.Enqueue(null);
        queue.Enqueue(string.Empty);

        queue.Count.Should().Be(2);
        queue.Dequeue().Should().BeNull();
        queue.TryDequeue(out string? second, NoWait).Should().BeTrue();
        second.Should().BeEmpty();
    }

    [Fact]
    public void Capacity_one_holds_one_item_at_a_time()
    {
        var queue = new BoundedQueue<int>(1);

        queue.TryEnqueue(1, NoWait).Should().BeTrue();
        queue.TryEnqueue(2, NoWait).Should().BeFalse();
        queue.Dequeue().Should().Be(1);
        queue.TryEnqueue(3, NoWait).Should().BeTrue();
        queue.Dequeue().Should().Be(3);
        queue.TryDequeue(out _, NoWait).Should().BeFalse();
    }

    [Fact]
    public void TryEnqueue_without_waiting_on_a_full_queue_returns_false_and_changes_nothing()
    {
        var queue = new BoundedQueue<int>(2);
        queue.Enqueue(1);
        queue.Enqueue(2);

        queue.TryEnqueue(3, NoWait).Should().BeFalse();

        queue.Count.Should().Be(2);
        queue.Dequeue().Should().Be(1);
        queue.Dequeue().Should().Be(2);
        queue.TryDequeue(out _, NoWait).Should().BeFalse("the refused item was never added");
    }

    [Fact]
    public void TryDequeue_without_waiting_on_an_empty_queue_returns_false()
    {
        var queue = new BoundedQueue<int>(2);

        queue.TryDequeue(out int item, NoWait).Should().BeFalse();

        item.Should().Be(0);
        queue.Count.Should().Be(0);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 7)]
    [InlineData(5, 64)]
    public void Random_operations_match_a_simple_model_step_by_step(int seed, int capacity) =>
        BoundedQueueModel.Test.Run((capacity, 0), seed, 10_000);

    [Fact]
    public void Generated_operation_sequences_match_the_model_and_a_failure_shrinks_to_the_shortest_one() =>
        BoundedQueueModel.Test.Sample(Gen.Int[1, 5].Select(capacity => (capacity, 0)), maxSteps: 50);
}
