using Wearable.EdgeHost.Calibration;
using Wearable.Modeling.Evaluation;

namespace Wearable.View;

/// <summary>The numbers the page shows per channel: RMS, amplitude spectrum and a contact verdict.</summary>
public static class SignalFigures
{
    /// <summary>Root mean square around the mean (µV): the DC offset of an electrode is not activity.</summary>
    public static double Rms(ReadOnlySpan<double> samples)
    {
        if (samples.Length == 0)
        {
            return 0;
        }

        double mean = 0;
        foreach (double v in samples)
        {
            mean += v;
        }

        mean /= samples.Length;
        double sum = 0;
        foreach (double v in samples)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>
    /// One-sided amplitude spectrum (µV peak per bin, bin k at k * rate / length Hz) of a power-of-two
    /// block, mean removed and Hann-windowed; scaled by the window's sum so a sine of amplitude A on a
    /// bin centre reads A.
    /// </summary>
    public static double[] AmplitudeSpectrum(ReadOnlySpan<double> samples)
    {
        int n = samples.Length;
        if (n < 4 || (n & (n - 1)) != 0)
        {
            throw new ArgumentException("The spectrum needs a power-of-two block of at least 4 samples.", nameof(samples));
        }

        double mean = 0;
        foreach (double v in samples)
        {
            mean += v;
        }

        mean /= n;
        var re = new double[n];
        var im = new double[n];
        double windowSum = 0;
        for (int i = 0; i < n; i++)
        {
            double w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * i / n));
            windowSum += w;
            re[i] = (samples[i] - mean) * w;
        }

        Spectrum.Fft(re, im);
        var amplitude = new double[(n / 2) + 1];
        for (int k = 0; k < amplitude.Length; k++)
        {
            double scale = k == 0 || k == n / 2 ? 1 : 2;
            amplitude[k] = scale * Math.Sqrt((re[k] * re[k]) + (im[k] * im[k])) / windowSum;
        }

        return amplitude;
    }

    /// <summary>
    /// Electrode contact from a second of signal: no signal (flat line), mains pick-up that dominates the
    /// signal (a loose or dry electrode), or good. The EEG check's absolute mains limit alone would flag
    /// every busy sEMG channel, so mains must also be at least half of the channel's RMS.
    /// </summary>
    public static ContactVerdict Contact(double[] second, double sampleRate)
    {
        EegChannelContact check = EegContactCheck.Check([second], sampleRate)[0];
        double mains = Math.Max(check.Mains50Microvolts, check.Mains60Microvolts);
        string verdict = check.Quality == ContactQuality.FlatLine
            ? ContactVerdict.NoSignal
            : mains > EegContactCheck.MainsLimitMicrovolts && mains >= 0.5 * check.RmsMicrovolts ? ContactVerdict.Mains : ContactVerdict.Good;
        return new ContactVerdict(verdict, Math.Round(check.RmsMicrovolts, 2), Math.Round(mains, 2));
    }
}
