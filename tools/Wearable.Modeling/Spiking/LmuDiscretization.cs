namespace Wearable.Modeling.Spiking;

/// <summary>
/// The LMU's continuous state space (Voelker et al. 2019) and its zero-order-hold discretization
/// with dt = 1 step: [Abar Bbar; 0 I] = expm([A/theta B/theta; 0 0]), quantized to Q2.14 int16 for
/// the device. Abar is returned as Abar[k, j] (row k = output coefficient), used as written (not the
/// transposed form of the published L2MU code).
/// </summary>
public static class LmuDiscretization
{
    /// <summary>Fraction bits of the device format.</summary>
    public const int FractionBits = 14;

    /// <summary>A[i][j] = (2i+1) (i &lt; j ? -1 : (-1)^(i-j+1)); B[i] = (2i+1) (-1)^i.</summary>
    public static (double[,] A, double[] B) Continuous(int order)
    {
        if (order < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(order), $"LMU order must be at least 1; got {order}.");
        }

        var a = new double[order, order];
        var b = new double[order];
        for (int i = 0; i < order; i++)
        {
            for (int j = 0; j < order; j++)
            {
                a[i, j] = (2 * i + 1) * (i < j ? -1.0 : ((i - j + 1) % 2 == 0 ? 1.0 : -1.0));
            }

            b[i] = (2 * i + 1) * (i % 2 == 0 ? 1.0 : -1.0);
        }

        return (a, b);
    }

    /// <summary>Zero-order hold of the order-d LMU over a window of theta steps.</summary>
    public static (double[,] Abar, double[] Bbar) Discretize(int order, double theta)
    {
        if (!(theta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(theta), $"theta (window in steps) must be positive; got {theta}.");
        }

        var (a, b) = Continuous(order);
        int n = order + 1;
        var augmented = new double[n, n];
        for (int i = 0; i < order; i++)
        {
            for (int j = 0; j < order; j++)
            {
                augmented[i, j] = a[i, j] / theta;
            }

            augmented[i, order] = b[i] / theta;
        }

        double[,] e = MatrixExponential.Compute(augmented);
        var abar = new double[order, order];
        var bbar = new double[order];
        for (int i = 0; i < order; i++)
        {
            for (int j = 0; j < order; j++)
            {
                abar[i, j] = e[i, j];
            }

            bbar[i] = e[i, order];
        }

        return (abar, bbar);
    }

    /// <summary>
    /// Abar (row-major Abar[k][j]) and Bbar in Q2.14, round to nearest. Checks the largest magnitude
    /// first and refuses values outside [-2, 2) instead of wrapping them.
    /// </summary>
    public static (short[] AbarQ14, short[] BbarQ14) Quantize(double[,] abar, double[] bbar)
    {
        int d = bbar.Length;
        double largest = 0;
        foreach (double v in abar)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        foreach (double v in bbar)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }

        if (largest >= 2)
        {
            throw new ArgumentException($"Largest |Abar|,|Bbar| is {largest:F4}, outside Q2.14's [-2, 2): use a longer theta or a wider format.");
        }

        var aq = new short[d * d];
        var bq = new short[d];
        for (int k = 0; k < d; k++)
        {
            for (int j = 0; j < d; j++)
            {
                aq[k * d + j] = ToQ14(abar[k, j]);
            }

            bq[k] = ToQ14(bbar[k]);
        }

        return (aq, bq);
    }

    public static short ToQ14(double value) =>
        (short)Math.Clamp(Math.Round(value * (1 << FractionBits), MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
}
