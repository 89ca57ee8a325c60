using MathNet.Numerics.LinearAlgebra;

namespace Wearable.Modeling.Eeg;

/// <summary>
/// Standard CCA in double precision, the float reference of the SSVEP detector: both sets centred,
/// full covariances (Cyy included, not assumed orthogonal), rho = sqrt(lambda_max(Cxx^-1 Cxy Cyy^-1 Cyx)).
/// Also the detector's own formulation in double (Cyy taken as N/2 I per unit reference), which isolates
/// the integer rounding from the orthogonality assumption.
/// </summary>
public static class CanonicalCorrelationDouble
{
    /// <summary>Sine/cosine references at h f for h = 1..harmonics over n samples from phase 0.</summary>
    public static double[][] References(double frequencyHz, double sampleRateHz, int harmonics, int length)
    {
        var refs = new double[2 * harmonics][];
        for (int h = 0; h < harmonics; h++)
        {
            refs[2 * h] = new double[length];
            refs[(2 * h) + 1] = new double[length];
            for (int n = 0; n < length; n++)
            {
                double phase = 2 * Math.PI * (h + 1) * frequencyHz * n / sampleRateHz;
                refs[2 * h][n] = Math.Sin(phase);
                refs[(2 * h) + 1][n] = Math.Cos(phase);
            }
        }

        return refs;
    }

    /// <summary>Largest canonical correlation between the channels x[c][n] and the references y[j][n].</summary>
    public static double Standard(double[][] x, double[][] y)
    {
        Matrix<double> cxx = Covariance(x, x);
        Matrix<double> cyy = Covariance(y, y);
        Matrix<double> cxy = Covariance(x, y);
        Matrix<double> m = cxx.Solve(cxy * cyy.Solve(cxy.Transpose()));
        return Math.Sqrt(Math.Clamp(LargestRealEigenvalue(m), 0, 1));
    }

    /// <summary>The integer detector's formulation: Cyy = (N/2) I (unit references), everything else exact.</summary>
    public static double OrthogonalReferences(double[][] x, double[][] y)
    {
        int n = x[0].Length;
        Matrix<double> cxx = Covariance(x, x);
        Matrix<double> cxy = Covariance(x, y);
        Matrix<double> m = cxx.Solve(cxy * cxy.Transpose()) / (n / 2.0);
        return Math.Sqrt(Math.Clamp(LargestRealEigenvalue(m), 0, 1));
    }

    private static double LargestRealEigenvalue(Matrix<double> m) =>
        m.Evd().EigenValues.Select(v => v.Real).Max();

    /// <summary>Sums of centred products (not divided by N: CCA is scale-free).</summary>
    private static Matrix<double> Covariance(double[][] a, double[][] b)
    {
        int n = a[0].Length;
        double[] meanA = a.Select(v => v.Average()).ToArray();
        double[] meanB = b.Select(v => v.Average()).ToArray();
        var c = Matrix<double>.Build.Dense(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < b.Length; j++)
            {
                double s = 0;
                for (int t = 0; t < n; t++)
                {
                    s += (a[i][t] - meanA[i]) * (b[j][t] - meanB[j]);
                }

                c[i, j] = s;
            }
        }

        return c;
    }
}
