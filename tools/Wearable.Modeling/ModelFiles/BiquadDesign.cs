namespace Wearable.Modeling.ModelFiles;

/// <summary>
/// Minimal second-order sections (RBJ audio-EQ cookbook) quantized for the model file's front-end
/// section: b0 b1 b2 a1 a2 with a0 = 1, y = b0 x + b1 x1 + b2 x2 - a1 y1 - a2 y2. The full filter
/// design lives with the DSP kernels; this is enough to describe an example front end.
/// </summary>
public static class BiquadDesign
{
    public static double[] HighPass(double cutoffHz, double sampleRateHz, double q = 0.7071067811865476)
    {
        (double cos, double alpha) = Prewarp(cutoffHz, sampleRateHz, q);
        double a0 = 1 + alpha;
        return new[] { (1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0 };
    }

    public static double[] LowPass(double cutoffHz, double sampleRateHz, double q = 0.7071067811865476)
    {
        (double cos, double alpha) = Prewarp(cutoffHz, sampleRateHz, q);
        double a0 = 1 + alpha;
        return new[] { (1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, -2 * cos / a0, (1 - alpha) / a0 };
    }

    /// <summary>Rounds coefficients to integers with <paramref name="fracBits"/> fractional bits (Q2.30 for 30).</summary>
    public static int[] Quantize(double[] coefficients, int fracBits) =>
        coefficients.Select(c => checked((int)Math.Round(c * (1L << fracBits), MidpointRounding.AwayFromZero))).ToArray();

    private static (double Cos, double Alpha) Prewarp(double cutoffHz, double sampleRateHz, double q)
    {
        double w0 = 2 * Math.PI * cutoffHz / sampleRateHz;
        return (Math.Cos(w0), Math.Sin(w0) / (2 * q));
    }
}
