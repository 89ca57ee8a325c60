namespace Wearable.Modeling.Quantization;

/// <summary>
/// Symmetric int8 weight quantization as in TFLite's int8 spec: zero point 0, values in [-127, 127],
/// one scale per output channel (conv, depthwise, per-channel dense) or one for the tensor.
/// </summary>
public static class WeightQuantizer
{
    /// <summary>
    /// Quantizes <paramref name="weights"/> laid out as [channel][rest] (channel-major, <paramref name="channels"/> blocks of equal size)
    /// with one scale per channel: scale = max |w| / 127 (a zero channel gets scale 1 so nothing divides by zero).
    /// </summary>
    public static (sbyte[] Values, double[] Scales) PerChannel(double[] weights, int channels)
    {
        if (channels <= 0 || weights.Length % channels != 0)
        {
            throw new ArgumentException($"{weights.Length} weights do not split into {channels} channels.", nameof(weights));
        }

        int block = weights.Length / channels;
        var values = new sbyte[weights.Length];
        var scales = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            double max = 0;
            for (int i = 0; i < block; i++)
            {
                max = Math.Max(max, Math.Abs(weights[c * block + i]));
            }

            double scale = max > 0 ? max / 127.0 : 1.0;
            scales[c] = scale;
            for (int i = 0; i < block; i++)
            {
                values[c * block + i] = Quantize(weights[c * block + i], scale);
            }
        }

        return (values, scales);
    }

    /// <summary>
    /// Per-channel quantization of a depthwise kernel laid out [tap][channel] (the channel is the
    /// fastest axis, as the kernels read it).
    /// </summary>
    public static (sbyte[] Values, double[] Scales) PerChannelInnermost(double[] weights, int channels)
    {
        int taps = weights.Length / channels;
        var transposed = new double[weights.Length];
        for (int k = 0; k < taps; k++)
        {
            for (int c = 0; c < channels; c++)
            {
                transposed[c * taps + k] = weights[k * channels + c];
            }
        }

        (sbyte[] q, double[] scales) = PerChannel(transposed, channels);
        var values = new sbyte[weights.Length];
        for (int k = 0; k < taps; k++)
        {
            for (int c = 0; c < channels; c++)
            {
                values[k * channels + c] = q[c * taps + k];
            }
        }

        return (values, scales);
    }

    /// <summary>Per-tensor symmetric quantization (TFLite's default for dense).</summary>
    public static (sbyte[] Values, double Scale) PerTensor(double[] weights)
    {
        (sbyte[] values, double[] scales) = PerChannel(weights, 1);
        return (values, scales[0]);
    }

    /// <summary>int32 bias with scale s_in * s_w and zero point 0.</summary>
    public static int QuantizeBias(double bias, double inputScale, double weightScale)
    {
        double q = Math.Round(bias / (inputScale * weightScale), MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(q, int.MinValue, int.MaxValue);
    }

    /// <summary>Activation value with the given scale and zero point, clamped to int8 (TFLite's Quantize for activation bounds).</summary>
    public static int QuantizeActivation(double real, double scale, int zeroPoint)
    {
        double q = zeroPoint + Math.Round(real / scale, MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(q, -128, 127);
    }

    /// <summary>TFLite's CalculateActivationRangeQuantized: ReLU clamps at real 0, ReLU6 also at real 6.</summary>
    public static (int Min, int Max) ActivationRange(string activation, double scale, int zeroPoint) => activation switch
    {
        "none" => (-128, 127),
        "relu" => (Math.Max(-128, QuantizeActivation(0, scale, zeroPoint)), 127),
        "relu6" => (Math.Max(-128, QuantizeActivation(0, scale, zeroPoint)), Math.Min(127, QuantizeActivation(6, scale, zeroPoint))),
        _ => throw new ArgumentException($"Unknown activation '{activation}': use none, relu or relu6.", nameof(activation)),
    };

    private static sbyte Quantize(double w, double scale) => (sbyte)Math.Clamp(Math.Round(w / scale, MidpointRounding.AwayFromZero), -127, 127);
}
