namespace Wearable.EdgeHost.Calibration;

/// <summary>Electrode contact verdicts.</summary>
public enum ContactQuality
{
    Good,

    /// <summary>Strong 50/60 Hz pick-up: a loose or dry electrode (high impedance) turns into an antenna.</summary>
    MainsNoise,

    /// <summary>No signal: disconnected lead, saturated amplifier or a dead channel.</summary>
    FlatLine,
}

/// <summary>One channel's contact check figures.</summary>
public sealed record EegChannelContact(int Channel, ContactQuality Quality, double RmsMicrovolts, double Mains50Microvolts, double Mains60Microvolts, double FlatFraction);

/// <summary>
/// EEG contact check without impedance hardware: per channel, the mains component (Goertzel at 50 and
/// 60 Hz, as RMS µV) and flat-line detection (signal RMS near zero or most consecutive samples equal).
/// </summary>
public static class EegContactCheck
{
    /// <summary>Mains RMS above this (µV) marks a channel: good scalp/ear contact keeps it to a few µV.</summary>
    public const double MainsLimitMicrovolts = 10;

    /// <summary>RMS below this (µV) is a flat line: EEG is never this quiet.</summary>
    public const double FlatRmsMicrovolts = 0.5;

    /// <summary>Fraction of unchanged consecutive samples that marks a stuck channel.</summary>
    public const double FlatFractionLimit = 0.9;

    public static EegChannelContact[] Check(double[][] channels, double sampleRate)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var result = new EegChannelContact[channels.Length];
        for (int c = 0; c < channels.Length; c++)
        {
            double[] x = channels[c];
            if (x.Length < (int)sampleRate / 5)
            {
                throw new ArgumentException($"Channel {c}: {x.Length} samples are too few; record at least a second.");
            }

            double mean = x.Average();
            var centred = x.Select(v => v - mean).ToArray();
            double rms = Math.Sqrt(centred.Sum(v => v * v) / centred.Length);
            double m50 = sampleRate > 100 ? Math.Sqrt(Goertzel.Power(centred, 50, sampleRate)) : 0;
            double m60 = sampleRate > 120 ? Math.Sqrt(Goertzel.Power(centred, 60, sampleRate)) : 0;
            int same = 0;
            for (int i = 1; i < x.Length; i++)
            {
                if (x[i] == x[i - 1])
                {
                    same++;
                }
            }

            double flat = (double)same / (x.Length - 1);
            ContactQuality quality = rms < FlatRmsMicrovolts || flat > FlatFractionLimit
                ? ContactQuality.FlatLine
                : Math.Max(m50, m60) > MainsLimitMicrovolts ? ContactQuality.MainsNoise : ContactQuality.Good;
            result[c] = new EegChannelContact(c, quality, rms, m50, m60, flat);
        }

        return result;
    }
}
