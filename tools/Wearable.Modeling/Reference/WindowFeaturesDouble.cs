namespace Wearable.Modeling.Reference;

/// <summary>
/// Time-domain features computed directly over one window in double (no running sums), with the
/// kernel's definitions: terms are indexed by the newest sample they involve and samples before the
/// start of the signal are zeros.
/// </summary>
public static class WindowFeaturesDouble
{
    public readonly record struct Features(double Mav, double Rms, double WaveformLength, int ZeroCrossings, int SlopeSignChanges);

    /// <summary>Features of the window ending at sample index <paramref name="end"/> (inclusive).</summary>
    public static Features At(double[] x, int end, int window, double zeroCrossingThreshold, double slopeSignChangeThreshold)
    {
        double At(int i) => i < 0 ? 0 : x[i];
        double sumAbs = 0, sumSquares = 0, length = 0;
        int zc = 0, ssc = 0;
        for (int n = end - window + 1; n <= end; n++)
        {
            double v = At(n), p1 = At(n - 1), p2 = At(n - 2);
            sumAbs += Math.Abs(v);
            sumSquares += v * v;
            length += Math.Abs(v - p1);
            if (((p1 < 0 && v > 0) || (p1 > 0 && v < 0)) && Math.Abs(v - p1) >= zeroCrossingThreshold)
            {
                zc++;
            }

            if ((p1 - p2) * (p1 - v) >= slopeSignChangeThreshold)
            {
                ssc++;
            }
        }

        return new Features(sumAbs / window, Math.Sqrt(sumSquares / window), length, zc, ssc);
    }
}
