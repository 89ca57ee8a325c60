using Wearable.Kernels.Dsp;

namespace Wearable.Modeling.Dsp;

/// <summary>
/// The front ends of KERNEL-SPEC 4 with their usual settings, designed and quantized for the device.
/// </summary>
public static class FrontEndDesign
{
    public const int DefaultGuardBits = 8;

    /// <summary>
    /// sEMG: high-pass 20 Hz (2nd order), notch at the mains frequency (Q 20; 0 = none), low-pass 450 Hz
    /// (2nd order; dropped when fs/2 is below 500 Hz), envelope low-pass 5 Hz, features over 200 ms every
    /// 50 ms with ZC/SSC noise thresholds given in ADC LSB (scaled to the guarded domain here).
    /// </summary>
    public static EmgFrontEndParameters Emg(double sampleRateHz, double mainsHz = 50, int noiseLsb = 512, int guardBits = DefaultGuardBits)
    {
        var band = new List<BiquadSection>(FilterDesign.ButterworthHighPass(2, 20, sampleRateHz));
        if (mainsHz > 0)
        {
            band.AddRange(FilterDesign.Notch(mainsHz, 20, sampleRateHz));
        }

        if (sampleRateHz / 2 > 500)
        {
            band.AddRange(FilterDesign.ButterworthLowPass(2, 450, sampleRateHz));
        }

        long noise = (long)noiseLsb << guardBits;
        var features = new WindowFeaturesParameters(
            (int)Math.Round(0.2 * sampleRateHz), (int)Math.Round(0.05 * sampleRateHz), (int)noise, Math.Max(1, noise * noise));
        return new EmgFrontEndParameters(
            FilterDesign.Quantize(band, guardBits),
            FilterDesign.Quantize(FilterDesign.ButterworthLowPass(2, 5, sampleRateHz), guardBits),
            features);
    }

    /// <summary>EEG band: high-pass 0.5 Hz (2nd order), mains notch (Q 20; 0 = none), low-pass 40 Hz (4th order).</summary>
    public static BiquadCascadeParameters EegBand(double sampleRateHz, double mainsHz = 50, int guardBits = DefaultGuardBits)
    {
        var band = new List<BiquadSection>(FilterDesign.ButterworthHighPass(2, 0.5, sampleRateHz));
        if (mainsHz > 0 && mainsHz < sampleRateHz / 2)
        {
            band.AddRange(FilterDesign.Notch(mainsHz, 20, sampleRateHz));
        }

        band.AddRange(FilterDesign.ButterworthLowPass(4, 40, sampleRateHz));
        return FilterDesign.Quantize(band, guardBits);
    }

    /// <summary>Goertzel bins (e.g. 10 Hz alpha, 20/30 Hz SSVEP, 40 Hz ASSR) over blocks of blockLength samples.</summary>
    public static GoertzelParameters BandPowers(double sampleRateHz, IReadOnlyList<double> frequenciesHz, int blockLength, int guardBits = 4) =>
        new(frequenciesHz.Select(f => FilterDesign.GoertzelCoefficient(f, sampleRateHz)).ToArray(), blockLength, guardBits);
}
