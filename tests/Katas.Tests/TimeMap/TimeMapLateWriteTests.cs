using CsCheck;

namespace Katas.Tests;

/// <summary>
/// Stage 2 of the time map: writes in any order, a rewrite at a timestamp replacing its value, keys compared the
/// caller's way, and bad input refused.
/// </summary>
[Stage(2)]
public sealed class TimeMapLateWriteTests
{
    [Fact]
    public void A_late_write_is_found_between_the_versions_around_it()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 10, 100);
        map.Set("a", 30, 300);

        map.Set("a", 20, 200);

        map.Count.Should().Be(3);
        map.Get("a", 150).Should().Be(10);
        map.Get("a", 200).Should().Be(20);
        map.Get("a", 299).Should().Be(20);
        map.Get("a", 300).Should().Be(30);
    }

    [Fact]
    public void A_write_older_than_every_version_becomes_the_first()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 20, 200);
        map.Set("a", 30, 300);

        map.Set("a", 10, 100);

        map.TryGet("a", 99, out _).Should().BeFalse();
        map.Get("a", 100).Should().Be(10);
        map.Get("a", 199).Should().Be(10);
        map.Get("a", 200).Should().Be(20);
    }

    [Fact]
    public void Writes_in_any_order_give_the_answers_of_the_same_writes_in_order()
    {
        var random = new Random(981);
        long[] timestamps = [.. Enumerable.Range(0, 300).Select(i => (long)(i * 5) + random.Next(5))];
        var inOrder = new TimeMap<int, int>();
        var shuffled = new TimeMap<int, int>();
        foreach (long timestamp in timestamps)
        {
            inOrder.Set(1, (int)timestamp, timestamp);
        }

        foreach (long timestamp in timestamps.OrderBy(_ => random.Next()))
        {
            shuffled.Set(1, (int)timestamp, timestamp);
        }

        shuffled.Count.Should().Be(inOrder.Count);
        for (long t = 0; t <= timestamps[^1] + 1; t++)
        {
            shuffled.Get(1, t).Should().Be(inOrder.Get(1, t), $"the same writes were made, so at {t} the answer is the same");
        }
    }

    [Fact]
    public void A_second_write_at_the_newest_timestamp_replaces_its_value()
    {
        var map = new TimeMap<string, string>();
        map.Set("a", "first", 10);

        map.Set("a", "second", 10);

        map.Count.Should().Be(1);
        map.Get("a", 10).Should().Be("second");
        map.Get("a", 11).Should().Be("second");
    }

    [Fact]
    public void A_second_write_at_an_older_timestamp_replaces_its_value_and_leaves_the_others()
    {
        var map = new TimeMap<string, string>();
        map.Set("a", "ten", 10);
        map.Set("a", "twenty", 20);
        map.Set("a", "thirty", 30);

        map.Set("a", "TWENTY", 20);
        map.Set("a", "TEN", 10);

        map.Count.Should().Be(3);
        map.Get("a", 15).Should().Be("TEN");
        map.Get("a", 25).Should().Be("TWENTY");
        map.Get("a", 35).Should().Be("thirty");
    }

    [Fact]
    public void Keys_are_compared_with_the_given_comparer()
    {
        var map = new TimeMap<string, int>(StringComparer.OrdinalIgnoreCase);

        map.Set("Key", 1, 10);
        map.Set("KEY", 2, 20);

        map.Count.Should().Be(2, "both writes are versions of one key");
        map.Get("key", 15).Should().Be(1);
        map.Get("kEy", 25).Should().Be(2);
    }

    [Fact]
    public void Value_type_keys_are_compared_with_the_given_comparer_too()
    {
        var map = new TimeMap<int, string>(new LastDigitComparer());

        map.Set(13, "a", 1);
        map.Set(23, "b", 2);

        map.TryGet(3, 1, out string? first).Should().BeTrue("13, 23 and 3 are one key to this comparer");
        first.Should().Be("a");
        map.TryGet(3, 2, out string? second).Should().BeTrue();
        second.Should().Be("b");
    }

    [Fact]
    public void Keys_with_colliding_hash_codes_keep_histories_of_their_own()
    {
        var map = new TimeMap<int, int>(new OneHashCodeComparer());

        for (int key = 0; key < 20; key++)
        {
            map.Set(key, key * 10, key);
            map.Set(key, key * 10 + 1, key + 100);
        }

        for (int key = 0; key < 20; key++)
        {
            map.Get(key, key + 50).Should().Be(key * 10);
            map.Get(key, key + 100).Should().Be(key * 10 + 1);
        }

        map.Count.Should().Be(40);
    }

    [Fact]
    public void Null_and_default_values_are_stored_like_any_other()
    {
        var map = new TimeMap<string, string?>();
        map.Set("a", "something", 1);

        map.Set("a", null, 2);

        map.TryGet("a", 2, out string? value).Should().BeTrue("a null value is a version like any other");
        value.Should().BeNull();
        map.TryGet("a", 1, out string? before).Should().BeTrue();
        before.Should().Be("something");

        var numbers = new TimeMap<string, int>();
        numbers.Set("zero", 0, 5);
        numbers.TryGet("zero", 5, out int zero).Should().BeTrue();
        zero.Should().Be(0);
    }

    [Fact]
    public void A_null_key_is_rejected_by_every_method_and_changes_nothing()
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 1, 1);

        ((Action)(() => map.Set(null!, 2, 2))).Should().Throw<ArgumentNullException>().WithParameterName("key");
        ((Action)(() => map.TryGet(null!, 2, out _))).Should().Throw<ArgumentNullException>().WithParameterName("key");

        map.Count.Should().Be(1);
        map.Get("a", 2).Should().Be(1);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MinValue)]
    public void A_negative_timestamp_is_rejected_by_every_method_and_changes_nothing(long timestamp)
    {
        var map = new TimeMap<string, int>();
        map.Set("a", 1, 1);

        ((Action)(() => map.Set("a", 2, timestamp))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timestamp");
        ((Action)(() => map.Set("b", 2, timestamp))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timestamp");
        ((Action)(() => map.TryGet("a", timestamp, out _))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timestamp");

        map.Count.Should().Be(1);
        map.Get("a", 0).Should().Be(-1);
        map.Get("a", long.MaxValue).Should().Be(1);
        map.TryGet("b", long.MaxValue, out _).Should().BeFalse("the refused write made no key");
    }

    [Theory]
    [InlineData(1, 1, 20)]
    [InlineData(2, 3, 10)]
    [InlineData(3, 5, 100)]
    [InlineData(4, 20, 1_000)]
    public void Random_calls_in_any_order_match_a_list_model_step_by_step(int seed, int keys, int timestamps) =>
        TimeMapModel.Test.Run(new TimeMapConfig(keys, TimeMapWrites.AnyOrderWithBadTimestamps, timestamps), seed, 4_000);

    [Fact]
    public void Random_call_lists_in_any_order_match_the_model_and_a_failure_shrinks_to_the_shortest_list() =>
        TimeMapModel.Test.Sample(Gen.Int[1, 3].Select(keys => new TimeMapConfig(keys, TimeMapWrites.AnyOrderWithBadTimestamps, 8)));
}
