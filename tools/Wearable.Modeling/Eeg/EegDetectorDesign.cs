using Wearable.Kernels.Eeg;
using Wearable.Modeling.Dsp;

namespace Wearable.Modeling.Eeg;

/// <summary>
/// Host-side design of the on-device EEG detectors (docs/eeg.md): filters in double, quantized to
/// Q2.30; reference oscillators as u32 phase increments and a Q14 sine table; limits in int16 LSB.
/// </summary>
public static class EegDetectorDesign
{
    /// <summary>ADC scale the evaluations and the Muse demo use: 16 LSB per microvolt (+-2048 uV in int16).</summary>
    public const double LsbPerMicrovolt = 16;

    public const int SineTableBits = 10;

    /// <summary>SSVEP band: 5-45 Hz (Butterworth, order 2 high-pass, order 4 low-pass) plus the mains notch.</summary>
    public static BiquadSection[] SsvepBand(double sampleRateHz, double mainsHz)
    {
        var band = new List<BiquadSection>(FilterDesign.ButterworthHighPass(2, 5, sampleRateHz));
        if (mainsHz > 0 && mainsHz < sampleRateHz / 2)
        {
            band.AddRange(FilterDesign.Notch(mainsHz, 20, sampleRateHz));
        }

        band.AddRange(FilterDesign.ButterworthLowPass(4, Math.Min(45, 0.45 * sampleRateHz), sampleRateHz));
        return [.. band];
    }

    /// <summary>Alpha front end: 0.5-40 Hz plus the mains notch (the existing EEG band).</summary>
    public static BiquadSection[] AlphaFrontBand(double sampleRateHz, double mainsHz)
    {
        var band = new List<BiquadSection>(FilterDesign.ButterworthHighPass(2, 0.5, sampleRateHz));
        if (mainsHz > 0 && mainsHz < sampleRateHz / 2)
        {
            band.AddRange(FilterDesign.Notch(mainsHz, 20, sampleRateHz));
        }

        band.AddRange(FilterDesign.ButterworthLowPass(4, Math.Min(40, 0.45 * sampleRateHz), sampleRateHz));
        return [.. band];
    }

    /// <summary>The alpha band itself: 8-12 Hz (order 2 each side).</summary>
    public static BiquadSection[] AlphaBand(double sampleRateHz) => FilterDesign.ButterworthBandPass(2, 8, 12, sampleRateHz);

    /// <summary>
    /// Blink / jaw limits: 150 uV amplitude, 40 uV per sample at 256 Hz (scaled with the rate), held
    /// for a quarter second after the artefact.
    /// </summary>
    public static ArtefactRejectorParameters Artefacts(double sampleRateHz) => new(
        (int)Math.Round(150 * LsbPerMicrovolt),
        (int)Math.Round(40 * LsbPerMicrovolt * 256 / sampleRateHz),
        (int)Math.Round(0.25 * sampleRateHz));

    /// <summary>round(f / fs * 2^32) as the bits of a u32.</summary>
    public static int PhaseIncrement(double frequencyHz, double sampleRateHz)
    {
        if (!(frequencyHz > 0 && frequencyHz < sampleRateHz / 2))
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), "A target frequency must be between 0 and fs/2 (" + (sampleRateHz / 2) + " Hz); got " + frequencyHz + ".");
        }

        return unchecked((int)(uint)Math.Round(frequencyHz / sampleRateHz * 4294967296.0));
    }

    /// <summary>sin(2 pi i / 2^bits) in Q14, rounded to nearest.</summary>
    public static short[] SineTable(int bits = SineTableBits)
    {
        int size = 1 << bits;
        var table = new short[size];
        for (int i = 0; i < size; i++)
        {
            table[i] = (short)Math.Round(Math.Sin(2 * Math.PI * i / size) * SsvepCcaParameters.TableOne);
        }

        return table;
    }

    public static EegDetectorConfig Ssvep(
        double sampleRateHz, int[] channelIndices, double[] targetsHz, double windowSeconds, int hop, int harmonics = 2,
        double mainsHz = 60, double thresholdCorrelation = 0.5)
    {
        int window = WindowSamples(windowSeconds, sampleRateHz);
        var ssvep = new SsvepCcaParameters(
            channelIndices.Length, window, hop, [.. targetsHz.Select(f => PhaseIncrement(f, sampleRateHz))], harmonics, SineTable(),
            ToQ15(thresholdCorrelation));
        return EegDetectorConfig.Ssvep(channelIndices, FilterDesign.Quantize(SsvepBand(sampleRateHz, mainsHz), FrontEndDesign.DefaultGuardBits), Artefacts(sampleRateHz), ssvep);
    }

    public static EegDetectorConfig Alpha(
        double sampleRateHz, int[] channelIndices, double windowSeconds, int hop, double mainsHz = 60, double thresholdShare = 0.3)
    {
        var alpha = new AlphaDetectorParameters(
            FilterDesign.Quantize(AlphaBand(sampleRateHz), FrontEndDesign.DefaultGuardBits), WindowSamples(windowSeconds, sampleRateHz), hop, ToQ15(thresholdShare));
        return EegDetectorConfig.Alpha(channelIndices, FilterDesign.Quantize(AlphaFrontBand(sampleRateHz, mainsHz), FrontEndDesign.DefaultGuardBits), Artefacts(sampleRateHz), alpha);
    }

    public static int WindowSamples(double seconds, double sampleRateHz) => (int)Math.Round(seconds * sampleRateHz);

    public static int ToQ15(double value) => (int)Math.Clamp(Math.Round(value * 32768), 0, 32767);

    /// <summary>Microvolts to ADC LSB at <see cref="LsbPerMicrovolt"/>, rounded and saturated.</summary>
    public static short ToLsb(float microvolts) => (short)Math.Clamp(Math.Round(microvolts * LsbPerMicrovolt), short.MinValue, short.MaxValue);
}
