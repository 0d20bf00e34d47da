namespace Katas.Tests;

/// <summary>Stage 1 of the Time map: the core behaviour. TODO(kata dev new): the simplest test first, model tests last.</summary>
[Stage(1)]
public sealed class TimeMapCoreTests
{
    [Fact]
    public void A_new_one_totals_zero()
    {
        var kata = new TimeMap();

        kata.Total.Should().Be(0);
    }

    [Fact]
    public void The_total_is_the_sum_of_the_values_added()
    {
        var kata = new TimeMap();

        kata.Add(20);
        kata.Add(22);

        kata.Total.Should().Be(42);
    }
}
