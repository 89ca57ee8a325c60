using Wearable.Kernels.Dsp;

namespace Wearable.Modeling.Reference;

/// <summary>Goertzel integer rules written out per channel and bin over whole blocks; emits power per channel and bin per block.</summary>
public static class GoertzelIntegerReference
{
    public static long[] Run(GoertzelParameters p, int[] interleaved, int channels)
    {
        int frames = interleaved.Length / channels;
        var output = new List<long>();
        for (int start = 0; start + p.BlockLength <= frames; start += p.BlockLength)
        {
            for (int ch = 0; ch < channels; ch++)
            {
                foreach (int c in p.Coefficients)
                {
                    long s1 = 0, s2 = 0;
                    for (int n = start; n < start + p.BlockLength; n++)
                    {
                        long x = (long)Math.Clamp(interleaved[n * channels + ch], -GoertzelBandPower.InputLimit, GoertzelBandPower.InputLimit) << p.GuardBits;
                        long s0 = Math.Clamp(x + (((long)c * s1 + (1L << 29)) >> 30) - s2, -GoertzelParameters.StateLimit, GoertzelParameters.StateLimit);
                        s2 = s1;
                        s1 = s0;
                    }

                    Int128 raw = (Int128)s1 * s1 + (Int128)s2 * s2 - (Int128)(((long)c * s1 + (1L << 29)) >> 30) * s2;
                    int shift = 2 * p.GuardBits;
                    output.Add((long)(shift == 0 ? raw : (raw + (Int128.One << (shift - 1))) >> shift));
                }
            }
        }

        return [.. output];
    }
}
