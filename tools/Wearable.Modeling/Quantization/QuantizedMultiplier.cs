namespace Wearable.Modeling.Quantization;

/// <summary>
/// A real scale factor as an int32 Q31 multiplier and a power-of-two shift, computed exactly as
/// TFLite's QuantizeMultiplier: frexp, round the mantissa to 31 bits (half away from zero),
/// renormalise a mantissa that rounded up to 2^31, flush scales below 2^-31 to (0, 0).
/// </summary>
public readonly record struct QuantizedMultiplier(int Multiplier, int Shift)
{
    public static QuantizedMultiplier FromReal(double real)
    {
        if (double.IsNaN(real) || double.IsInfinity(real) || real < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(real), real, "A requantization scale must be a finite, non-negative number.");
        }

        if (real == 0)
        {
            return new QuantizedMultiplier(0, 0);
        }

        (double mantissa, int exponent) = FrExp(real);
        long fixedPoint = (long)Math.Round(mantissa * (1L << 31), MidpointRounding.AwayFromZero);
        if (fixedPoint == 1L << 31)
        {
            fixedPoint /= 2;
            exponent++;
        }

        if (exponent < -31)
        {
            return new QuantizedMultiplier(0, 0);
        }

        if (exponent > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(real), real, "Scale too large for a 31-bit shift; check the tensor scales.");
        }

        return new QuantizedMultiplier((int)fixedPoint, exponent);
    }

    /// <summary>The value this pair represents: M * 2^(S - 31).</summary>
    public double ToReal() => Multiplier * Math.Pow(2, Shift - 31);

    /// <summary>C's frexp: x = mantissa * 2^exponent with mantissa in [0.5, 1).</summary>
    public static (double Mantissa, int Exponent) FrExp(double x)
    {
        if (x == 0)
        {
            return (0, 0);
        }

        int exponent = Math.ILogB(x) + 1;
        double mantissa = Math.ScaleB(x, -exponent);
        return (mantissa, exponent);
    }
}
