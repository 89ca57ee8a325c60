using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Calibration;

/// <summary>One channel's EMG calibration: rest and maximum-voluntary-contraction levels and what the device gets.</summary>
public sealed record EmgChannelCalibration(int Channel, double RestRmsMicrovolts, double MvcRmsMicrovolts, double OffsetMicrovolts, int GainQ16, short OffsetCounts, short NoiseThresholdCounts)
{
    /// <summary>MVC over rest, in dB: below ~6 dB the electrode probably does not sit on an active muscle.</summary>
    public double SignalToRestDb => 20 * Math.Log10(Math.Max(MvcRmsMicrovolts, 1e-9) / Math.Max(RestRmsMicrovolts, 1e-9));
}

/// <summary>
/// EMG calibration from two recordings per channel: rest (baseline: DC offset and noise floor) and a
/// maximum voluntary contraction (MVC). The gain maps each channel's MVC RMS to the same fraction of
/// full scale, so classifiers see comparable amplitudes across electrodes and sessions; the noise
/// threshold (3 x rest RMS, the usual onset rule) lets the device ignore activity below the floor.
/// </summary>
public static class EmgCalibration
{
    /// <summary>Counts an MVC's RMS is normalised to: a quarter of int16 full scale leaves headroom for peaks (crest factor ~4).</summary>
    public const double TargetMvcCounts = 8192;

    /// <summary>Rest RMS multiples above which activity counts (a common EMG onset threshold).</summary>
    public const double NoiseThresholdFactor = 3;

    /// <summary>
    /// Computes per-channel calibration. <paramref name="rest"/> and <paramref name="mvc"/> are rows of µV
    /// (one array per channel); <paramref name="microvoltsPerCount"/> converts to device counts.
    /// </summary>
    public static EmgChannelCalibration[] Compute(double[][] rest, double[][] mvc, double microvoltsPerCount)
    {
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(mvc);
        if (rest.Length != mvc.Length || rest.Length == 0)
        {
            throw new ArgumentException($"Rest has {rest.Length} channels and MVC {mvc.Length}; record both from the same device.");
        }

        if (!(microvoltsPerCount > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(microvoltsPerCount), microvoltsPerCount, "The scale must be positive.");
        }

        var result = new EmgChannelCalibration[rest.Length];
        for (int c = 0; c < rest.Length; c++)
        {
            if (rest[c].Length < 10 || mvc[c].Length < 10)
            {
                throw new ArgumentException($"Channel {c}: too few samples (rest {rest[c].Length}, MVC {mvc[c].Length}); record at least a second of each.");
            }

            double offset = rest[c].Average();
            double restRms = Rms(rest[c], offset);
            double mvcRms = Rms(mvc[c], offset);
            double mvcCounts = Math.Max(mvcRms / microvoltsPerCount, 1);
            int gain = (int)Math.Clamp(Math.Round(CalibrationMessage.UnityGain * TargetMvcCounts / mvcCounts), 1, int.MaxValue);
            short offsetCounts = (short)Math.Clamp(Math.Round(offset / microvoltsPerCount), short.MinValue, short.MaxValue);
            short threshold = (short)Math.Clamp(Math.Round(NoiseThresholdFactor * restRms / microvoltsPerCount), 0, short.MaxValue);
            result[c] = new EmgChannelCalibration(c, restRms, mvcRms, offset, gain, offsetCounts, threshold);
        }

        return result;
    }

    /// <summary>The link message carrying these gains, offsets and thresholds to the device.</summary>
    public static CalibrationMessage ToMessage(IReadOnlyList<EmgChannelCalibration> channels)
    {
        var message = new CalibrationMessage { ChannelCount = channels.Count };
        for (int c = 0; c < channels.Count; c++)
        {
            message.GainQ16[c] = channels[c].GainQ16;
            message.OffsetLsb[c] = channels[c].OffsetCounts;
            message.NoiseThresholdLsb[c] = channels[c].NoiseThresholdCounts;
        }

        return message;
    }

    private static double Rms(double[] values, double offset)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += (v - offset) * (v - offset);
        }

        return Math.Sqrt(sum / values.Length);
    }
}
