namespace Wearable.Modeling.Spiking;

/// <summary>
/// expm(M) for small dense matrices by scaling and squaring: scale M by 2^-s until its 1-norm is
/// at most 1/2, sum the Taylor series until the terms stop changing the result in double, then
/// square s times. Accurate to ~1e-15 relative for the well-conditioned LMU matrices (d &lt;= 64).
/// </summary>
public static class MatrixExponential
{
    public static double[,] Compute(double[,] m)
    {
        ArgumentNullException.ThrowIfNull(m);
        int n = m.GetLength(0);
        if (m.GetLength(1) != n)
        {
            throw new ArgumentException("expm needs a square matrix.", nameof(m));
        }

        double norm = OneNorm(m);
        int squarings = 0;
        while (norm > 0.5)
        {
            norm /= 2;
            squarings++;
        }

        double scale = Math.Pow(2, -squarings);
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = m[i, j] * scale;
            }
        }

        var result = Identity(n);
        var term = Identity(n);
        for (int k = 1; k <= 40; k++)
        {
            term = Multiply(term, a);
            double largest = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    term[i, j] /= k;
                    result[i, j] += term[i, j];
                    largest = Math.Max(largest, Math.Abs(term[i, j]));
                }
            }

            if (largest < 1e-18)
            {
                break;
            }
        }

        for (int s = 0; s < squarings; s++)
        {
            result = Multiply(result, result);
        }

        return result;
    }

    public static double[,] Multiply(double[,] x, double[,] y)
    {
        int n = x.GetLength(0);
        int inner = x.GetLength(1);
        int p = y.GetLength(1);
        var r = new double[n, p];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < inner; k++)
            {
                double v = x[i, k];
                for (int j = 0; j < p; j++)
                {
                    r[i, j] += v * y[k, j];
                }
            }
        }

        return r;
    }

    private static double[,] Identity(int n)
    {
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            r[i, i] = 1;
        }

        return r;
    }

    private static double OneNorm(double[,] m)
    {
        double best = 0;
        for (int j = 0; j < m.GetLength(1); j++)
        {
            double sum = 0;
            for (int i = 0; i < m.GetLength(0); i++)
            {
                sum += Math.Abs(m[i, j]);
            }

            best = Math.Max(best, sum);
        }

        return best;
    }
}
