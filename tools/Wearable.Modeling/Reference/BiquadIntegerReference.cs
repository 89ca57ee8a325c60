using Wearable.Kernels.Dsp;

namespace Wearable.Modeling.Reference;

/// <summary>
/// The biquad cascade's integer rules written out literally (docs/kernels.md, "Biquad cascade"),
/// independent of the kernel's code: 128-bit accumulation (so it can never wrap, which is what the
/// property tests compare against), channel by channel, section by section over whole signals.
/// </summary>
public static class BiquadIntegerReference
{
    public static int[] Run(int[] coefficients, int guardBits, short[] interleaved, int channels) =>
        Run(coefficients, interleaved.Select(v => v << guardBits).ToArray(), channels);

    /// <summary>Guarded interleaved input in, guarded interleaved output out.</summary>
    public static int[] Run(int[] coefficients, int[] interleaved, int channels)
    {
        const long Limit = BiquadCascadeParameters.StateLimit;
        int frames = interleaved.Length / channels;
        var output = new int[interleaved.Length];
        for (int ch = 0; ch < channels; ch++)
        {
            var signal = new long[frames];
            for (int n = 0; n < frames; n++)
            {
                signal[n] = Math.Clamp(interleaved[n * channels + ch], -Limit, Limit);
            }

            for (int s = 0; s < coefficients.Length / 5; s++)
            {
                Int128 b0 = coefficients[5 * s], b1 = coefficients[5 * s + 1], b2 = coefficients[5 * s + 2];
                Int128 a1 = coefficients[5 * s + 3], a2 = coefficients[5 * s + 4];
                long x1 = 0, x2 = 0, y1 = 0, y2 = 0;
                Int128 carried = 0;
                for (int n = 0; n < frames; n++)
                {
                    long x = signal[n];
                    Int128 acc = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2 + carried;
                    Int128 floor = acc >> 30;
                    carried = acc - (floor << 30);
                    if (floor > Limit || floor < -Limit)
                    {
                        floor = floor > Limit ? Limit : -Limit;
                        carried = 0;
                    }

                    x2 = x1;
                    x1 = x;
                    y2 = y1;
                    y1 = (long)floor;
                    signal[n] = y1;
                }
            }

            for (int n = 0; n < frames; n++)
            {
                output[n * channels + ch] = (int)signal[n];
            }
        }

        return output;
    }
}
