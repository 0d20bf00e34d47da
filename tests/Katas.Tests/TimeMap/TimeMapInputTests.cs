namespace Katas.Tests;

/// <summary>Stage 2 of the Time map: bad input is refused with a clear exception and changes nothing. TODO(kata dev new)</summary>
[Stage(2)]
public sealed class TimeMapInputTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_negative_value_is_rejected_and_the_total_is_kept(int value)
    {
        var kata = new TimeMap();
        kata.Add(5);

        Action add = () => kata.Add(value);

        add.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value");
        kata.Total.Should().Be(5);
    }
}
