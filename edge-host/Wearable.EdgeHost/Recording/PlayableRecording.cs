namespace Wearable.EdgeHost.Recording;

/// <summary>
/// An EDF/BDF recording turned into what a device sends: int16 counts of every data signal on one
/// common scale (the link has one nV-per-count for all channels), chosen so the widest channel's
/// physical range fits, so every channel keeps its physical value in µV; plus the signal labels.
/// </summary>
public sealed record PlayableRecording(short[] Samples, int Channels, int SampleRate, int NanovoltsPerLsb, string[] Labels)
{
    /// <summary>Frames (samples per channel).</summary>
    public int Frames => Samples.Length / Channels;

    /// <summary>
    /// Converts the data signals of <paramref name="reader"/>. Throws <see cref="EdfFormatException"/> with a
    /// one-line reason for what a device cannot play: no data signals, a zero record duration, different or
    /// fractional rates, a rate outside 1..<paramref name="maxRate"/> Hz, more than <paramref name="maxChannels"/> channels.
    /// </summary>
    public static PlayableRecording FromEdf(EdfReader reader, int maxChannels, int maxRate)
    {
        EdfHeader header = reader.Header;
        int[] signals = Enumerable.Range(0, header.Signals.Count).Where(i => !header.Signals[i].IsAnnotation).ToArray();
        if (signals.Length == 0)
        {
            throw Refuse("it holds no data signals, only annotations", "Play a recording with at least one data signal.");
        }

        if (!(header.RecordDuration > 0))
        {
            throw Refuse("its 'duration of a data record' is " + header.RecordDuration + " s, so its sample rate is undefined", "Fix the header's record duration (usually 1) and play it again.");
        }

        double[] rates = signals.Select(reader.SampleRate).ToArray();
        if (rates.Distinct().Count() != 1 || rates[0] != Math.Round(rates[0]))
        {
            throw Refuse("its signals have different or fractional rates (" + string.Join(", ", rates.Distinct()) + " Hz); a device has one ADC rate", "Resample it to one whole rate first.");
        }

        if (rates[0] < 1 || rates[0] > maxRate)
        {
            throw Refuse("its rate " + rates[0] + " Hz is outside the 1.." + maxRate + " Hz a device can play", "Resample it to at most " + maxRate + " Hz.");
        }

        if (signals.Length > maxChannels)
        {
            throw Refuse("it has " + signals.Length + " data signals; a device streams at most " + maxChannels + " (the link's channel mask is 32 bits)", "Export the channels you need into a smaller EDF first.");
        }

        double[] toMicrovolts = signals.Select(s => MicrovoltsPer(header.Signals[s].PhysicalDimension)).ToArray();
        double widest = 0;
        for (int c = 0; c < signals.Length; c++)
        {
            EdfSignal signal = header.Signals[signals[c]];
            widest = Math.Max(widest, Math.Max(Math.Abs(signal.PhysicalMinimum), Math.Abs(signal.PhysicalMaximum)) * toMicrovolts[c]);
        }

        int nanovolts = (int)Math.Clamp(Math.Ceiling(widest * 1000 / short.MaxValue), 1, int.MaxValue);
        double[][] physical = signals.Select(reader.ReadPhysical).ToArray();
        int frames = physical.Min(p => p.Length);
        var samples = new short[frames * signals.Length];
        for (int c = 0; c < signals.Length; c++)
        {
            double countsPerUnit = toMicrovolts[c] * 1000 / nanovolts;
            for (int f = 0; f < frames; f++)
            {
                samples[(f * signals.Length) + c] = (short)Math.Clamp(Math.Round(physical[c][f] * countsPerUnit), short.MinValue, short.MaxValue);
            }
        }

        return new PlayableRecording(samples, signals.Length, (int)rates[0], nanovolts, signals.Select(s => header.Signals[s].Label).ToArray());
    }

    // EDF's physical dimension names the unit; anything not a volt multiple is played as if it were µV.
    private static double MicrovoltsPer(string dimension) => dimension.Trim() switch
    {
        "V" => 1e6,
        "mV" => 1e3,
        "nV" => 1e-3,
        _ => 1,
    };

    private static EdfFormatException Refuse(string what, string hint) => new("cannot play it: " + what + ".", null, null, hint);
}
