using Wearable.Kernels.FixedPoint;

namespace Wearable.Kernels.Tests;

public class SaturationTests
{
    [Theory]
    [InlineData(long.MaxValue, int.MaxValue)]
    [InlineData(long.MinValue, int.MinValue)]
    [InlineData(2147483648L, int.MaxValue)]
    [InlineData(-2147483649L, int.MinValue)]
    [InlineData(-5L, -5)]
    public void ToInt32_clamps_instead_of_wrapping(long input, int expected) => Assert.Equal(expected, Saturation.ToInt32(input));

    [Theory]
    [InlineData(40000, short.MaxValue)]
    [InlineData(-40000, short.MinValue)]
    [InlineData(123, 123)]
    public void ToInt16_clamps(int input, short expected) => Assert.Equal(expected, Saturation.ToInt16(input));

    [Theory]
    [InlineData(200, sbyte.MaxValue)]
    [InlineData(-129, sbyte.MinValue)]
    [InlineData(-128, -128)]
    public void ToInt8_clamps(int input, sbyte expected) => Assert.Equal(expected, Saturation.ToInt8(input));
}
