using FsCheck;
using FsCheck.Fluent;
using Wearable.Kernels.FixedPoint;

namespace Wearable.Kernels.Tests.FixedPoint;

public class FixedPointTests
{
    [Theory]
    [InlineData(int.MaxValue, 1, int.MaxValue)]
    [InlineData(int.MinValue, -1, int.MinValue)]
    [InlineData(1000, -3000, -2000)]
    public void Add32_saturates(int a, int b, int expected) => Assert.Equal(expected, SaturatingArithmetic.Add32(a, b));

    [Theory]
    [InlineData(int.MinValue, 1, int.MinValue)]
    [InlineData(int.MaxValue, -1, int.MaxValue)]
    [InlineData(0, int.MinValue, int.MaxValue)]
    public void Sub32_saturates(int a, int b, int expected) => Assert.Equal(expected, SaturatingArithmetic.Sub32(a, b));

    [Theory]
    [InlineData(32767, 1, 32767)]
    [InlineData(-32768, -1, -32768)]
    [InlineData(-32768, 32767, -1)]
    public void Add16_saturates(short a, short b, short expected) => Assert.Equal(expected, SaturatingArithmetic.Add16(a, b));

    [Theory]
    [InlineData(-32768, 1, -32768)]
    [InlineData(32767, -1, 32767)]
    [InlineData(0, -32768, 32767)]
    public void Sub16_saturates(short a, short b, short expected) => Assert.Equal(expected, SaturatingArithmetic.Sub16(a, b));

    [Fact]
    public void Abs32_of_min_value_saturates() => Assert.Equal(int.MaxValue, SaturatingArithmetic.Abs32(int.MinValue));

    [Theory]
    [InlineData(-7L, 1, -3L)]
    [InlineData(7L, 1, 3L)]
    [InlineData(-4097L, 12, -1L)]
    [InlineData(-4095L, 12, 0L)]
    public void DivPow2TowardZero_truncates_toward_zero(long value, int shift, long expected) =>
        Assert.Equal(expected, Rounding.DivPow2TowardZero(value, shift));

    [Theory]
    [InlineData(5L, 1, 3L)]
    [InlineData(-5L, 1, -2L)]
    [InlineData(-6L, 2, -1L)]
    [InlineData(6L, 2, 2L)]
    public void ShiftRightRounded_rounds_half_up(long value, int shift, long expected) =>
        Assert.Equal(expected, Rounding.ShiftRightRounded(value, shift));

    [Fact]
    public void RoundingDivPow2_rounds_half_away_from_zero_like_tflite()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), Gen.Choose(1, 30).ToArbitrary(), (x, e) =>
        {
            double exact = x / Math.Pow(2, e);
            long expected = (long)Math.Round(exact, MidpointRounding.AwayFromZero);
            return Rounding.RoundingDivPow2(x, e) == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ShiftLeftSaturated_clamps() 
    {
        Assert.Equal(int.MaxValue, Rounding.ShiftLeftSaturated(1 << 20, 12));
        Assert.Equal(int.MinValue, Rounding.ShiftLeftSaturated(-(1 << 20), 12));
        Assert.Equal(-4096, Rounding.ShiftLeftSaturated(-1, 12));
    }

    [Fact]
    public void Q31_multiply_matches_rounded_double_product()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>(), (a, b) =>
        {
            decimal exact = (decimal)a * b / 2147483648m;
            long expected = (long)Math.Floor(exact + 0.5m);
            expected = Math.Clamp(expected, int.MinValue, int.MaxValue);
            return Q31.Multiply(a, b) == expected;
        }).QuickCheckThrowOnFailure();
        Assert.Equal(int.MaxValue, Q31.Multiply(int.MinValue, int.MinValue));
    }

    [Fact]
    public void IntegerSqrt_is_the_floor_of_the_square_root()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<long>(), v =>
        {
            long n = v == long.MinValue ? long.MaxValue : Math.Abs(v);
            long r = IntegerSqrt.Sqrt(n);
            return r * r <= n && (r + 1) * (r + 1) > n || (r + 1) * (r + 1) < 0;
        }).QuickCheckThrowOnFailure();
        Assert.Equal(3037000499, (long)(uint)IntegerSqrt.Sqrt(long.MaxValue));
        Assert.Equal(0, IntegerSqrt.Sqrt(0));
        Assert.Equal(4, IntegerSqrt.Sqrt(24));
        Assert.Equal(5, IntegerSqrt.Sqrt(25));
        Assert.Throws<ArgumentOutOfRangeException>(() => IntegerSqrt.Sqrt(-1));
    }
}
