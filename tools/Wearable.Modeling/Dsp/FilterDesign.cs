using Wearable.Kernels.Dsp;

namespace Wearable.Modeling.Dsp;

/// <summary>
/// Host-side filter design for the fixed-point front end: Butterworth high/low/band-pass of order
/// 1-8 as cascades of second-order sections (bilinear transform with pre-warping, one section per
/// conjugate pole pair plus a first-order section for odd orders), RBJ notch, and their quantization
/// to the device's Q2.30 coefficients.
/// </summary>
public static class FilterDesign
{
    public const int MaxOrder = 8;

    public static BiquadSection[] ButterworthLowPass(int order, double cutoffHz, double sampleRateHz) =>
        Butterworth(order, cutoffHz, sampleRateHz, highPass: false);

    public static BiquadSection[] ButterworthHighPass(int order, double cutoffHz, double sampleRateHz) =>
        Butterworth(order, cutoffHz, sampleRateHz, highPass: true);

    /// <summary>
    /// Band-pass as a high-pass at lowHz cascaded with a low-pass at highHz, each of the given order.
    /// For the wide bands of sEMG/EEG (20-450 Hz, 0.5-40 Hz) this matches the classic low-pass to
    /// band-pass transform closely and keeps each section's poles well separated (better for Q2.30).
    /// </summary>
    public static BiquadSection[] ButterworthBandPass(int order, double lowHz, double highHz, double sampleRateHz)
    {
        if (!(lowHz < highHz))
        {
            throw new ArgumentException($"Band-pass needs lowHz < highHz; got {lowHz} and {highHz}.");
        }

        return [.. ButterworthHighPass(order, lowHz, sampleRateHz), .. ButterworthLowPass(order, highHz, sampleRateHz)];
    }

    /// <summary>RBJ notch at f0 with quality factor q (bandwidth f0 / q): unity gain away from f0, zero at f0.</summary>
    public static BiquadSection[] Notch(double centerHz, double q, double sampleRateHz)
    {
        CheckFrequency(centerHz, sampleRateHz, "centerHz");
        if (!(q > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(q), $"Notch Q must be positive; got {q}.");
        }

        double w0 = 2 * Math.PI * centerHz / sampleRateHz;
        double alpha = Math.Sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        double c = -2 * Math.Cos(w0);
        return [new BiquadSection(1 / a0, c / a0, 1 / a0, c / a0, (1 - alpha) / a0)];
    }

    /// <summary>
    /// Quantizes sections to Q2.30 int32 (round to nearest). Throws if a coefficient is outside
    /// [-2, 2), which the format cannot hold (checked before any rounding, per the spec).
    /// </summary>
    public static BiquadCascadeParameters Quantize(IReadOnlyList<BiquadSection> sections, int guardBits)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var q = new int[sections.Count * BiquadCascadeParameters.CoefficientsPerSection];
        for (int s = 0; s < sections.Count; s++)
        {
            BiquadSection x = sections[s];
            double[] values = [x.B0, x.B1, x.B2, x.A1, x.A2];
            for (int k = 0; k < values.Length; k++)
            {
                q[s * 5 + k] = ToQ30(values[k]);
            }
        }

        return new BiquadCascadeParameters(q, guardBits);
    }

    /// <summary>round(v * 2^30) for v in [-2, 2); values at the top edge saturate to int.MaxValue.</summary>
    public static int ToQ30(double value)
    {
        if (double.IsNaN(value) || value < -2 || value > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"Coefficient {value} does not fit Q2.30 ([-2, 2)); split the filter into more sections.");
        }

        double scaled = Math.Round(value * (1 << 30), MidpointRounding.AwayFromZero);
        return scaled >= int.MaxValue ? int.MaxValue : (int)scaled;
    }

    /// <summary>The DC blocker's pole R = exp(-2 pi fc / fs) in Q2.30 (the -3 dB corner is close to fc for fc &lt;&lt; fs).</summary>
    public static int DcBlockerPole(double cornerHz, double sampleRateHz)
    {
        CheckFrequency(cornerHz, sampleRateHz, "cornerHz");
        return ToQ30(Math.Exp(-2 * Math.PI * cornerHz / sampleRateHz));
    }

    /// <summary>The Goertzel coefficient 2 cos(2 pi f / fs) in Q2.30.</summary>
    public static int GoertzelCoefficient(double frequencyHz, double sampleRateHz)
    {
        CheckFrequency(frequencyHz, sampleRateHz, "frequencyHz");
        return ToQ30(2 * Math.Cos(2 * Math.PI * frequencyHz / sampleRateHz));
    }

    private static BiquadSection[] Butterworth(int order, double cutoffHz, double sampleRateHz, bool highPass)
    {
        if (order < 1 || order > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(order), $"Butterworth order must be 1..{MaxOrder}; got {order}.");
        }

        CheckFrequency(cutoffHz, sampleRateHz, "cutoffHz");
        double w0 = 2 * Math.PI * cutoffHz / sampleRateHz;
        double cos = Math.Cos(w0);
        double sin = Math.Sin(w0);
        var sections = new List<BiquadSection>();

        // Conjugate pole pairs of the analog prototype sit at angle phi_k from the negative real axis;
        // each pair is a second-order section with Q = 1 / (2 cos phi_k).
        for (int k = 1; k <= order / 2; k++)
        {
            double phi = Math.PI * (order + 1 - 2 * k) / (2.0 * order);
            double q = 1 / (2 * Math.Cos(phi));
            double alpha = sin / (2 * q);
            double a0 = 1 + alpha;
            double b0 = highPass ? (1 + cos) / 2 : (1 - cos) / 2;
            double b1 = highPass ? -(1 + cos) : 1 - cos;
            sections.Add(new BiquadSection(b0 / a0, b1 / a0, b0 / a0, -2 * cos / a0, (1 - alpha) / a0));
        }

        if (order % 2 == 1)
        {
            double t = Math.Tan(w0 / 2);
            double a1 = (t - 1) / (t + 1);
            sections.Add(highPass
                ? new BiquadSection(1 / (1 + t), -1 / (1 + t), 0, a1, 0)
                : new BiquadSection(t / (1 + t), t / (1 + t), 0, a1, 0));
        }

        return [.. sections];
    }

    private static void CheckFrequency(double f, double fs, string name)
    {
        if (!(fs > 0) || !(f > 0) || !(f < fs / 2))
        {
            throw new ArgumentOutOfRangeException(name, $"Frequency {f} Hz must be in (0, fs/2) for fs = {fs} Hz.");
        }
    }
}
