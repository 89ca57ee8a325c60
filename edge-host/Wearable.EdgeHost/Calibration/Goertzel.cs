namespace Wearable.EdgeHost.Calibration;

/// <summary>Power of one frequency in a block of samples (Goertzel's recurrence: one DFT bin, O(n), no FFT).</summary>
public static class Goertzel
{
    /// <summary>
    /// Mean power of the <paramref name="frequency"/> component of <paramref name="samples"/>, in the input
    /// unit squared: a sine of amplitude A gives A²/2 when the block holds whole periods.
    /// </summary>
    public static double Power(ReadOnlySpan<double> samples, double frequency, double sampleRate)
    {
        if (!(sampleRate > 0) || frequency < 0 || frequency >= sampleRate / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, $"Need 0 <= f < fs/2 (fs = {sampleRate}).");
        }

        int n = samples.Length;
        if (n == 0)
        {
            return 0;
        }

        double omega = 2 * Math.PI * frequency / sampleRate;
        double coefficient = 2 * Math.Cos(omega);
        double s1 = 0;
        double s2 = 0;
        foreach (double x in samples)
        {
            double s0 = x + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        double real = s1 - (s2 * Math.Cos(omega));
        double imaginary = s2 * Math.Sin(omega);
        double magnitudeSquared = (real * real) + (imaginary * imaginary);
        return 2 * magnitudeSquared / ((double)n * n);
    }
}
