using Wearable.Kernels.Dsp;
using Wearable.Modeling.Dsp;
using Wearable.Modeling.Reference;
using Xunit.Abstractions;

namespace Wearable.Kernels.Tests.Dsp;

/// <summary>
/// The fixed-point cascade against the ideal double filter (unquantized coefficients) on real
/// recordings: relative RMS error of the guarded output must be at most -80 dB.
/// </summary>
public class BiquadAccuracyTests(ITestOutputHelper output)
{
    private const int GuardBits = 8;

    [Fact]
    public void Emg_high_pass_20_hz_at_2_khz_is_within_minus_80_db_of_double()
    {
        BiquadSection[] design = FilterDesign.ButterworthHighPass(2, 20, 2000);
        foreach (short[] channel in Recordings.MyoEmgAsInt16().Take(4))
        {
            double db = ErrorDb(design, channel, skip: 0);
            output.WriteLine($"sEMG HP 20 Hz / 2 kHz: {db:F1} dB");
            Assert.True(db <= -80, $"relative RMS error {db:F1} dB > -80 dB");
        }
    }

    [Fact]
    public void Eeg_high_pass_half_hz_at_256_hz_is_within_minus_80_db_of_double()
    {
        BiquadSection[] design = FilterDesign.ButterworthHighPass(2, 0.5, 256);
        double db = ErrorDb(design, Recordings.MuseTp9AsInt16(), skip: 0);
        output.WriteLine($"Muse TP9 HP 0.5 Hz / 256 Hz: {db:F1} dB");
        Assert.True(db <= -80, $"relative RMS error {db:F1} dB > -80 dB");
    }

    [Theory]
    [InlineData("emg", 8)]
    [InlineData("eeg", 8)]
    [InlineData("eeg", 12)]
    public void Full_scale_chirp_and_steps_through_the_chains_do_not_overflow(string chain, int guardBits)
    {
        double fs = chain == "emg" ? 2000 : 256;
        BiquadSection[] design = chain == "emg"
            ? [.. FilterDesign.ButterworthHighPass(2, 20, fs), .. FilterDesign.Notch(50, 20, fs), .. FilterDesign.ButterworthLowPass(2, 450, fs)]
            : [.. FilterDesign.ButterworthHighPass(2, 0.5, fs), .. FilterDesign.Notch(50, 20, fs), .. FilterDesign.ButterworthLowPass(4, 40, fs)];
        int n2 = (int)(4 * fs);
        var signal = new short[2 * n2];
        for (int n = 0; n < signal.Length; n++)
        {
            double t = n / fs;
            signal[n] = n < n2
                ? (short)Math.Round(32767 * Math.Sin(2 * Math.PI * (1 * t + 0.5 * (fs / 2 - 1) / 4 * t * t))) // 1 Hz -> fs/2 in 4 s
                : (short)((n / (int)(fs / 4)) % 2 == 0 ? 32767 : -32768);                                   // full-scale steps
        }

        var cascade = new BiquadCascade(FilterDesign.Quantize(design, guardBits), 1);
        var actual = new double[signal.Length];
        int largest = 0;
        for (int n = 0; n < signal.Length; n++)
        {
            int y = cascade.StepInt16(0, signal[n]);
            largest = Math.Max(largest, Math.Abs(y));
            actual[n] = y / (double)(1 << guardBits);
        }

        double[] expected = BiquadDouble.Filter(design, signal.Select(v => (double)v).ToArray());
        double db = Recordings.RelativeErrorDb(actual, expected);
        output.WriteLine($"{chain} chirp+steps, G = {guardBits}: largest |y| = {largest} (limit {BiquadCascadeParameters.StateLimit}), error {db:F1} dB");
        Assert.True(largest < BiquadCascadeParameters.StateLimit, "the chain reached the saturation limit");
        Assert.True(db <= -80, $"relative RMS error {db:F1} dB > -80 dB");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    public void Butterworth_designs_are_minus_3_db_at_the_cutoff_and_flat_in_the_passband(int order)
    {
        double fs = 2000, fc = 100;
        double Gain(BiquadSection[] s, double f) => s.Aggregate(1.0, (g, x) => g * x.Magnitude(f, fs));
        BiquadSection[] low = FilterDesign.ButterworthLowPass(order, fc, fs);
        BiquadSection[] high = FilterDesign.ButterworthHighPass(order, fc, fs);
        Assert.Equal((order + 1) / 2, low.Length);
        Assert.Equal(-3.0103, 20 * Math.Log10(Gain(low, fc)), 3);
        Assert.Equal(-3.0103, 20 * Math.Log10(Gain(high, fc)), 3);
        Assert.Equal(1.0, Gain(low, 1e-6), 9);
        Assert.Equal(1.0, Gain(high, fs / 2 - 1e-6), 6);
        // Butterworth roll-off: one decade (or its bilinear-warped equivalent) down costs ~20 dB per order.
        Assert.True(20 * Math.Log10(Gain(high, fc / 10)) < -19.5 * order);
    }

    [Fact]
    public void Notch_removes_its_centre_and_passes_elsewhere()
    {
        BiquadSection notch = FilterDesign.Notch(50, 20, 2000)[0];
        Assert.True(notch.Magnitude(50, 2000) < 1e-9);
        Assert.Equal(1.0, notch.Magnitude(200, 2000), 2);
        Assert.True(Math.Abs(20 * Math.Log10(notch.Magnitude(50 * (1 + 1 / 40.0), 2000)) + 3) < 0.3);
    }

    [Fact]
    public void Band_pass_is_flat_in_the_band()
    {
        BiquadSection[] bp = FilterDesign.ButterworthBandPass(4, 20, 450, 2000);
        double g = bp.Aggregate(1.0, (a, s) => a * s.Magnitude(100, 2000));
        Assert.Equal(1.0, g, 2);
    }

    [Fact]
    public void Quantize_refuses_coefficients_outside_q2_30() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FilterDesign.Quantize([new BiquadSection(2.5, 0, 0, 0, 0)], 8));

    [Fact]
    public void Dc_blocker_removes_offset_and_keeps_the_signal()
    {
        var blocker = new DcBlocker(FilterDesign.DcBlockerPole(0.5, 256), GuardBits, 1);
        double sumTail = 0;
        for (int n = 0; n < 256 * 20; n++)
        {
            int y = blocker.StepInt16(0, (short)(10000 + Math.Round(1000 * Math.Sin(2 * Math.PI * 10 * n / 256.0))));
            if (n >= 256 * 19)
            {
                sumTail += y / (double)(1 << GuardBits);
            }
        }

        Assert.InRange(sumTail / 256, -5.0, 5.0);
    }

    private static double ErrorDb(BiquadSection[] design, short[] samples, int skip)
    {
        var cascade = new BiquadCascade(FilterDesign.Quantize(design, GuardBits), 1);
        var actual = new double[samples.Length];
        for (int n = 0; n < samples.Length; n++)
        {
            actual[n] = cascade.StepInt16(0, samples[n]) / (double)(1 << GuardBits);
        }

        double[] expected = BiquadDouble.Filter(design, samples.Select(v => (double)v).ToArray());
        return Recordings.RelativeErrorDb(actual, expected, skip);
    }
}
