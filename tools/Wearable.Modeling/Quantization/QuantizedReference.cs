using System.Numerics;

namespace Wearable.Modeling.Quantization;

/// <summary>
/// The quantized semantics of the int8 CNN ops, written independently of the shared kernels (plain
/// nested loops, an explicit padding test per tap, exact rational rounding with BigInteger instead of
/// the kernels' shift-and-mask tricks). Golden vectors come from here; the kernels must match byte for byte.
/// </summary>
public static class QuantizedReference
{
    /// <summary>
    /// TFLM's double rounding stated as arithmetic: first round (acc * 2^l * M) / 2^31 to nearest with
    /// ties towards +infinity, then round that / 2^r to nearest with ties away from zero;
    /// l = max(S, 0), r = max(-S, 0). The left scaling wraps to int32 like the C it mirrors.
    /// </summary>
    public static long Requantize(long acc, int multiplier, int shift)
    {
        int left = Math.Max(shift, 0);
        int right = Math.Max(-shift, 0);
        BigInteger scaled = unchecked((int)(acc * (1L << left)));
        BigInteger high = FloorDiv(2 * scaled * multiplier + (BigInteger.One << 31), BigInteger.One << 32);
        BigInteger divisor = BigInteger.One << right;
        BigInteger magnitude = FloorDiv(2 * BigInteger.Abs(high) + divisor, 2 * divisor);
        return (long)(high.Sign < 0 ? -magnitude : magnitude);
    }

    public static sbyte Activate(long acc, int multiplier, int shift, int outputZeroPoint, int min, int max) =>
        (sbyte)Math.Clamp(Requantize(acc, multiplier, shift) + outputZeroPoint, min, max);

    public static int PadLeft(string padding, int length, int k, int stride, int dilation)
    {
        int span = (k - 1) * dilation + 1;
        return padding switch
        {
            "valid" => 0,
            "causal" => span - 1,
            "same" => Math.Max(((length + stride - 1) / stride - 1) * stride + span - length, 0) / 2,
            _ => throw new ArgumentException(padding),
        };
    }

    public static int OutLength(string padding, int length, int k, int stride, int dilation)
    {
        int span = (k - 1) * dilation + 1;
        return padding == "valid" ? (length >= span ? (length - span) / stride + 1 : 0) : (length + stride - 1) / stride;
    }

    /// <summary>Conv1d, input [t][ci], weights [co][k][ci].</summary>
    public static sbyte[] Conv1d(GoldenCase c)
    {
        int outLength = OutLength(c.Padding!, c.InputLength, c.KernelSize, c.Stride, c.Dilation);
        int pad = PadLeft(c.Padding!, c.InputLength, c.KernelSize, c.Stride, c.Dilation);
        var y = new sbyte[outLength * c.OutputChannels];
        for (int t = 0; t < outLength; t++)
        {
            for (int co = 0; co < c.OutputChannels; co++)
            {
                long acc = c.Bias is null ? 0 : c.Bias[co];
                for (int k = 0; k < c.KernelSize; k++)
                {
                    int pos = t * c.Stride - pad + k * c.Dilation;
                    if (pos < 0 || pos >= c.InputLength)
                    {
                        continue;
                    }

                    for (int ci = 0; ci < c.InputChannels; ci++)
                    {
                        long x = c.Input![pos * c.InputChannels + ci] - c.InputZeroPoint;
                        acc += x * c.Weights![(co * c.KernelSize + k) * c.InputChannels + ci];
                    }
                }

                int q = c.Multipliers!.Length == 1 ? 0 : co;
                y[t * c.OutputChannels + co] = Activate(acc, c.Multipliers[q], c.Shifts![q], c.OutputZeroPoint, c.ActivationMin, c.ActivationMax);
            }
        }

        return y;
    }

    /// <summary>Depthwise conv1d, weights [k][ci * mult + m].</summary>
    public static sbyte[] Depthwise(GoldenCase c)
    {
        int outLength = OutLength(c.Padding!, c.InputLength, c.KernelSize, c.Stride, c.Dilation);
        int pad = PadLeft(c.Padding!, c.InputLength, c.KernelSize, c.Stride, c.Dilation);
        int cout = c.InputChannels * c.ChannelMultiplier;
        var y = new sbyte[outLength * cout];
        for (int t = 0; t < outLength; t++)
        {
            for (int ci = 0; ci < c.InputChannels; ci++)
            {
                for (int m = 0; m < c.ChannelMultiplier; m++)
                {
                    int co = ci * c.ChannelMultiplier + m;
                    long acc = c.Bias is null ? 0 : c.Bias[co];
                    for (int k = 0; k < c.KernelSize; k++)
                    {
                        int pos = t * c.Stride - pad + k * c.Dilation;
                        if (pos >= 0 && pos < c.InputLength)
                        {
                            acc += (long)(c.Input![pos * c.InputChannels + ci] - c.InputZeroPoint) * c.Weights![k * cout + co];
                        }
                    }

                    int q = c.Multipliers!.Length == 1 ? 0 : co;
                    y[t * cout + co] = Activate(acc, c.Multipliers[q], c.Shifts![q], c.OutputZeroPoint, c.ActivationMin, c.ActivationMax);
                }
            }
        }

        return y;
    }

    /// <summary>Dense over a flat input of InputChannels values, weights [unit][input]; pointwise is dense per frame.</summary>
    public static sbyte[] Dense(GoldenCase c)
    {
        int frames = Math.Max(c.InputLength, 1);
        var y = new sbyte[frames * c.OutputChannels];
        for (int t = 0; t < frames; t++)
        {
            for (int o = 0; o < c.OutputChannels; o++)
            {
                long acc = c.Bias is null ? 0 : c.Bias[o];
                for (int i = 0; i < c.InputChannels; i++)
                {
                    acc += (long)(c.Input![t * c.InputChannels + i] - c.InputZeroPoint) * c.Weights![o * c.InputChannels + i];
                }

                int q = c.Multipliers!.Length == 1 ? 0 : o;
                y[t * c.OutputChannels + o] = Activate(acc, c.Multipliers[q], c.Shifts![q], c.OutputZeroPoint, c.ActivationMin, c.ActivationMax);
            }
        }

        return y;
    }

    /// <summary>Max or average pooling; the average divides by the in-range taps and rounds half away from zero.</summary>
    public static sbyte[] Pool(GoldenCase c, bool average)
    {
        int outLength = OutLength(c.Padding!, c.InputLength, c.KernelSize, c.Stride, 1);
        int pad = PadLeft(c.Padding!, c.InputLength, c.KernelSize, c.Stride, 1);
        int ch = c.InputChannels;
        var y = new sbyte[outLength * ch];
        for (int t = 0; t < outLength; t++)
        {
            for (int ci = 0; ci < ch; ci++)
            {
                var taps = new List<int>();
                for (int k = 0; k < c.KernelSize; k++)
                {
                    int pos = t * c.Stride - pad + k;
                    if (pos >= 0 && pos < c.InputLength)
                    {
                        taps.Add(c.Input![pos * ch + ci]);
                    }
                }

                double value = average
                    ? Math.Round(taps.Sum() / (double)taps.Count, MidpointRounding.AwayFromZero)
                    : taps.Max();
                y[t * ch + ci] = (sbyte)Math.Clamp(value, c.ActivationMin, c.ActivationMax);
            }
        }

        return y;
    }

    /// <summary>Residual add: both inputs rescaled to a common scale after a left shift, summed, requantized.</summary>
    public static sbyte[] Add(GoldenCase c)
    {
        var y = new sbyte[c.Input!.Length];
        for (int i = 0; i < y.Length; i++)
        {
            long a = Requantize((long)(c.Input[i] - c.InputZeroPoint) << c.LeftShift, c.Multipliers![0], c.Shifts![0]);
            long b = Requantize((long)(c.Input2![i] - c.Input2ZeroPoint) << c.LeftShift, c.Multipliers[1], c.Shifts[1]);
            y[i] = Activate(a + b, c.Multipliers[2], c.Shifts[2], c.OutputZeroPoint, c.ActivationMin, c.ActivationMax);
        }

        return y;
    }

    /// <summary>The exp table of the integer softmax: round(2^16 * exp(-beta * scale * d)).</summary>
    public static int[] SoftmaxTable(double inputScale, double beta = 1.0)
    {
        var table = new int[256];
        for (int d = 0; d < table.Length; d++)
        {
            table[d] = (int)Math.Round(65536.0 * Math.Exp(-beta * inputScale * d), MidpointRounding.AwayFromZero);
        }

        return table;
    }

    /// <summary>Softmax per row: p_i = e_i / sum e_j, output round(256 p_i) - 128 (ties up), at most 127.</summary>
    public static sbyte[] Softmax(GoldenCase c)
    {
        int n = c.InputChannels;
        var y = new sbyte[c.Input!.Length];
        for (int r = 0; r < c.InputLength; r++)
        {
            int max = Enumerable.Range(0, n).Max(i => (int)c.Input[r * n + i]);
            var e = Enumerable.Range(0, n).Select(i => (BigInteger)c.ExpTable![max - c.Input[r * n + i]]).ToArray();
            BigInteger sum = e.Aggregate(BigInteger.Zero, (a, b) => a + b);
            for (int i = 0; i < n; i++)
            {
                BigInteger rounded = FloorDiv(2 * 256 * e[i] + sum, 2 * sum);
                y[r * n + i] = (sbyte)Math.Min(127, (long)rounded - 128);
            }
        }

        return y;
    }

    public static int ArgMax(sbyte[] values)
    {
        int best = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        BigInteger q = BigInteger.DivRem(a, b, out BigInteger r);
        return (r.Sign != 0 && (r.Sign < 0) != (b.Sign < 0)) ? q - 1 : q;
    }
}
