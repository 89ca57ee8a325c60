using Wearable.Modeling.Dsp;

namespace Wearable.Modeling.Reference;

/// <summary>The ideal (unquantized) cascade in double, direct form I: what the fixed-point filter approximates.</summary>
public static class BiquadDouble
{
    /// <summary>Filters one channel; returns y in the same units as x.</summary>
    public static double[] Filter(IReadOnlyList<BiquadSection> sections, ReadOnlySpan<double> x)
    {
        var y = x.ToArray();
        foreach (BiquadSection s in sections)
        {
            double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
            for (int n = 0; n < y.Length; n++)
            {
                double xn = y[n];
                double yn = s.B0 * xn + s.B1 * x1 + s.B2 * x2 - s.A1 * y1 - s.A2 * y2;
                x2 = x1;
                x1 = xn;
                y2 = y1;
                y1 = yn;
                y[n] = yn;
            }
        }

        return y;
    }
}
