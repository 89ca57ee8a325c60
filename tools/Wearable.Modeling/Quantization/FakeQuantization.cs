namespace Wearable.Modeling.Quantization;

/// <summary>
/// One activation tensor's int8 grid in float: scale and zero point as
/// <see cref="PostTrainingQuantizer.ActivationQuantization"/> chooses them, and the clamp the int8 op
/// applies (ReLU fused: from the code of real 0, as <see cref="WeightQuantizer.ActivationRange"/>).
/// </summary>
public readonly record struct ActivationGrid(double Scale, int ZeroPoint, int Min, int Max)
{
    public static ActivationGrid From(double min, double max, bool relu)
    {
        (double scale, int zero) = PostTrainingQuantizer.ActivationQuantization(min, max);
        (int lo, int hi) = WeightQuantizer.ActivationRange(relu ? "relu" : "none", scale, zero);
        return new ActivationGrid(scale, zero, lo, hi);
    }

    /// <summary>The int8 code of a real value: round half away from zero, then clamp (what requantization produces).</summary>
    public int Code(double real) => (int)Math.Clamp(ZeroPoint + Math.Round(real / Scale, MidpointRounding.AwayFromZero), Min, Max);

    /// <summary>The real value of a code.</summary>
    public float Real(int code) => (float)((code - ZeroPoint) * Scale);

    /// <summary>
    /// Whether the straight-through estimator lets a gradient through at <paramref name="real"/>: inside
    /// the representable range, yes (rounding counts as the identity); clipped outside it, no.
    /// </summary>
    public bool Passes(float real) => real >= (Min - ZeroPoint) * Scale && real <= (Max - ZeroPoint) * Scale;
}

/// <summary>
/// Fake quantization for quantization-aware training: float values snapped to exactly the int8 grids
/// the exporter writes, so a forward pass in float sees what the int8 model computes.
/// </summary>
public static class FakeQuantization
{
    /// <summary>
    /// Weights laid out [channel][rest] snapped to symmetric per-channel int8 (scale max|w| / 127, codes
    /// in [-127, 127], round half away from zero): <see cref="WeightQuantizer.PerChannel"/>'s scheme,
    /// without allocating. Writes the per-channel scales to <paramref name="scales"/>.
    /// </summary>
    public static void PerChannel(float[] weights, float[] destination, int channels, double[] scales)
    {
        int block = weights.Length / channels;
        PerChannelStrided(weights, destination, channels, scales, block, channelStride: block, elementStride: 1);
    }

    /// <summary>The same for a depthwise kernel laid out [tap][channel] (channel fastest), as <see cref="WeightQuantizer.PerChannelInnermost"/>.</summary>
    public static void PerChannelInnermost(float[] weights, float[] destination, int channels, double[] scales)
    {
        PerChannelStrided(weights, destination, channels, scales, weights.Length / channels, channelStride: 1, elementStride: channels);
    }

    /// <summary>Channel c's i-th weight sits at c x channelStride + i x elementStride.</summary>
    private static void PerChannelStrided(float[] weights, float[] destination, int channels, double[] scales, int perChannel, int channelStride, int elementStride)
    {
        for (int c = 0; c < channels; c++)
        {
            double max = 0;
            for (int i = 0; i < perChannel; i++)
            {
                max = Math.Max(max, Math.Abs((double)weights[(c * channelStride) + (i * elementStride)]));
            }

            double scale = max > 0 ? max / 127.0 : 1.0;
            scales[c] = scale;
            for (int i = 0; i < perChannel; i++)
            {
                int at = (c * channelStride) + (i * elementStride);
                destination[at] = Snap(weights[at], scale);
            }
        }
    }

    /// <summary>Biases snapped to int32 at s_in * s_w per channel (<see cref="WeightQuantizer.QuantizeBias"/>).</summary>
    public static void Bias(float[] bias, float[] destination, double inputScale, double[] weightScales)
    {
        for (int c = 0; c < bias.Length; c++)
        {
            double step = inputScale * weightScales[c];
            destination[c] = (float)(WeightQuantizer.QuantizeBias(bias[c], inputScale, weightScales[c]) * step);
        }
    }

    private static float Snap(float w, double scale) =>
        (float)(Math.Clamp(Math.Round(w / scale, MidpointRounding.AwayFromZero), -127, 127) * scale);
}
