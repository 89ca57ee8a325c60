namespace Wearable.Modeling.Evaluation;

/// <summary>Power spectral density by Welch's method (Hann window, 50 % overlap) on a radix-2 FFT.</summary>
public static class Spectrum
{
    /// <summary>
    /// One-sided PSD of <paramref name="signal"/> with segments of <paramref name="segment"/> samples
    /// (a power of two); bin k is at k * sampleRate / segment Hz. The segment mean is removed first.
    /// </summary>
    public static double[] Welch(double[] signal, int segment)
    {
        if (segment < 4 || (segment & (segment - 1)) != 0)
        {
            throw new ArgumentException("Segment length must be a power of two >= 4.", nameof(segment));
        }

        if (signal.Length < segment)
        {
            throw new ArgumentException("Signal shorter than one segment.", nameof(signal));
        }

        var window = new double[segment];
        for (int i = 0; i < segment; i++)
        {
            window[i] = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / segment));
        }

        var psd = new double[(segment / 2) + 1];
        var re = new double[segment];
        var im = new double[segment];
        int count = 0;
        for (int start = 0; start + segment <= signal.Length; start += segment / 2)
        {
            double mean = 0;
            for (int i = 0; i < segment; i++)
            {
                mean += signal[start + i];
            }

            mean /= segment;
            for (int i = 0; i < segment; i++)
            {
                re[i] = (signal[start + i] - mean) * window[i];
                im[i] = 0;
            }

            Fft(re, im);
            for (int k = 0; k < psd.Length; k++)
            {
                psd[k] += (re[k] * re[k]) + (im[k] * im[k]);
            }

            count++;
        }

        for (int k = 0; k < psd.Length; k++)
        {
            psd[k] /= count;
        }

        return psd;
    }

    /// <summary>Frequency (Hz) of the largest PSD bin between two frequencies.</summary>
    public static double PeakFrequency(double[] psd, double sampleRate, double fromHz, double toHz)
    {
        int segment = (psd.Length - 1) * 2;
        double binHz = sampleRate / segment;
        int best = -1;
        for (int k = (int)Math.Ceiling(fromHz / binHz); k <= Math.Min(psd.Length - 1, (int)(toHz / binHz)); k++)
        {
            if (best < 0 || psd[k] > psd[best])
            {
                best = k;
            }
        }

        return best * binHz;
    }

    /// <summary>Mean PSD between two frequencies.</summary>
    public static double BandPower(double[] psd, double sampleRate, double fromHz, double toHz)
    {
        int segment = (psd.Length - 1) * 2;
        double binHz = sampleRate / segment;
        double sum = 0;
        int n = 0;
        for (int k = (int)Math.Ceiling(fromHz / binHz); k <= Math.Min(psd.Length - 1, (int)(toHz / binHz)); k++)
        {
            sum += psd[k];
            n++;
        }

        return n == 0 ? 0 : sum / n;
    }

    /// <summary>In-place iterative radix-2 decimation-in-time FFT.</summary>
    public static void Fft(double[] re, double[] im)
    {
        int n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (int length = 2; length <= n; length <<= 1)
        {
            double angle = -2 * Math.PI / length;
            for (int start = 0; start < n; start += length)
            {
                for (int k = 0; k < length / 2; k++)
                {
                    double wr = Math.Cos(angle * k);
                    double wi = Math.Sin(angle * k);
                    int a = start + k;
                    int b = a + (length / 2);
                    double tr = (re[b] * wr) - (im[b] * wi);
                    double ti = (re[b] * wi) + (im[b] * wr);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    /// <summary>Excess-free kurtosis (fourth standardized moment; 3 for a Gaussian).</summary>
    public static double Kurtosis(double[] x)
    {
        double mean = x.Average();
        double m2 = 0, m4 = 0;
        foreach (double v in x)
        {
            double d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }

        m2 /= x.Length;
        m4 /= x.Length;
        return m4 / (m2 * m2);
    }
}
