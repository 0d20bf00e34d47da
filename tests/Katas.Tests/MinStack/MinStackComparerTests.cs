namespace Katas.Tests;

/// <summary>Stage 2 of the min stack: the caller's order, items it calls equal, and null items.</summary>
[Stage(2)]
public sealed class MinStackComparerTests
{
    [Fact]
    public void A_custom_comparer_decides_what_the_minimum_is()
    {
        var descending = Comparer<int>.Create((x, y) => y.CompareTo(x));
        var stack = new MinStack<int>(descending);

        stack.Push(3);
        stack.Push(10);
        stack.Push(-4);

        stack.Min().Should().Be(10, "under a descending order the largest item comes first");
        stack.Pop();
        stack.Pop();
        stack.Min().Should().Be(3);
    }

    [Fact]
    public void Items_the_comparer_calls_equal_count_as_repeats_of_the_minimum()
    {
        var byPriority = Comparer<Job>.Create((x, y) => x.Priority.CompareTo(y.Priority));
        var stack = new MinStack<Job>(byPriority);
        var first = new Job(1, "first");
        var second = new Job(1, "second");
        stack.Push(new Job(5, "low"));
        stack.Push(first);
        stack.Push(second);

        stack.Min().Should().BeOneOf(first, second);
        stack.Pop().Should().Be(second);
        stack.Min().Should().Be(first, "the first priority-1 job is still on the stack");
        stack.Pop().Should().Be(first);
        stack.Min().Priority.Should().Be(5);
    }

    [Fact]
    public void Strings_follow_the_given_comparer()
    {
        var stack = new MinStack<string>(StringComparer.Ordinal);

        stack.Push("b");
        stack.Push("B");
        stack.Push("a");

        stack.Min().Should().Be("B", "ordinally, upper case sorts before lower case");
    }

    [Fact]
    public void A_null_comparer_means_the_default_order()
    {
        var stack = new MinStack<string>(null);

        stack.Push("pear");
        stack.Push("apple");
        stack.Push("quince");

        stack.Min().Should().Be("apple");
    }

    [Fact]
    public void Null_items_are_allowed_and_ordered_by_the_comparer()
    {
        var stack = new MinStack<string?>();

        stack.Push("b");
        stack.Push(null);
        stack.Push("a");

        stack.Min().Should().BeNull("the default string comparer puts null first");
        stack.Pop().Should().Be("a");
        stack.Pop().Should().BeNull();
        stack.Min().Should().Be("b");
        stack.Peek().Should().Be("b");
    }

    private sealed record Job(int Priority, string Name);
}
