using Wearable.Kernels.Dsp;

namespace Wearable.Modeling.Reference;

/// <summary>
/// Window features recomputed from scratch over each window with integer arithmetic (no running
/// sums), the rules of docs/kernels.md; emits MAV, RMS, WL, ZC, SSC per channel at each due frame.
/// </summary>
public static class FeaturesIntegerReference
{
    public static int[] Run(WindowFeaturesParameters p, int[] interleaved, int channels)
    {
        int frames = interleaved.Length / channels;
        var output = new List<int>();
        for (int end = p.WindowLength - 1; end < frames; end += p.Hop)
        {
            for (int ch = 0; ch < channels; ch++)
            {
                long X(int n) => n < 0 ? 0 : Math.Clamp(interleaved[n * channels + ch], -WindowFeaturesParameters.InputLimit, WindowFeaturesParameters.InputLimit);
                long sumAbs = 0, sumSquares = 0, length = 0;
                int zc = 0, ssc = 0;
                for (int n = end - p.WindowLength + 1; n <= end; n++)
                {
                    long v = X(n), p1 = X(n - 1), p2 = X(n - 2);
                    sumAbs += Math.Abs(v);
                    sumSquares += v * v;
                    length += Math.Abs(v - p1);
                    zc += Math.Sign(v) * Math.Sign(p1) < 0 && Math.Abs(v - p1) >= p.ZeroCrossingThreshold ? 1 : 0;
                    ssc += (p1 - p2) * (p1 - v) >= p.SlopeSignChangeThreshold ? 1 : 0;
                }

                output.Add((int)(sumAbs / p.WindowLength));
                output.Add((int)Math.Floor(Math.Sqrt(sumSquares / p.WindowLength)));
                output.Add((int)Math.Min(length, int.MaxValue));
                output.Add(zc);
                output.Add(ssc);
            }
        }

        return [.. output];
    }
}
