using Wearable.Modeling.Quantization;

namespace Wearable.Kernels.Tests.Cnn;

public class QuantizedMultiplierTests
{
    [Theory]
    [InlineData(0.5, 1073741824, 0)]
    [InlineData(0.25, 1073741824, -1)]
    [InlineData(1.0, 1073741824, 1)]
    [InlineData(0.75, 1610612736, 0)]
    [InlineData(0.0, 0, 0)]
    [InlineData(1e-12, 0, 0)]
    public void Matches_TFLite_QuantizeMultiplier(double real, int multiplier, int shift)
    {
        var q = QuantizedMultiplier.FromReal(real);
        Assert.Equal(multiplier, q.Multiplier);
        Assert.Equal(shift, q.Shift);
    }

    [Fact]
    public void Mantissa_that_rounds_up_to_two_pow_31_is_renormalised()
    {
        // Just below 1.0: the 31-bit mantissa rounds to 2^31 and must become (2^30, shift + 1).
        var q = QuantizedMultiplier.FromReal(1.0 - 1e-12);
        Assert.Equal(1 << 30, q.Multiplier);
        Assert.Equal(1, q.Shift);
    }

    [Fact]
    public void Multiplier_is_in_range_and_represents_the_scale()
    {
        var random = new Random(7);
        for (int i = 0; i < 2000; i++)
        {
            double real = Math.Pow(2, -20 + 24 * random.NextDouble());
            var q = QuantizedMultiplier.FromReal(real);
            Assert.InRange(q.Multiplier, 1 << 30, int.MaxValue);
            Assert.InRange(q.ToReal() / real, 1 - 1e-9, 1 + 1e-9);
        }
    }

    [Fact]
    public void Per_channel_weights_are_symmetric_and_use_the_full_range()
    {
        var weights = new[] { 0.5, -1.0, 0.25, 0.0, 0.0, 0.0, 2.0, 1.0, -0.5 };
        (sbyte[] q, double[] scales) = WeightQuantizer.PerChannel(weights, 3);
        Assert.Equal(new sbyte[] { 64, -127, 32, 0, 0, 0, 127, 64, -32 }, q);
        Assert.Equal(1.0 / 127, scales[0], 12);
        Assert.Equal(1.0, scales[1]);
    }
}
