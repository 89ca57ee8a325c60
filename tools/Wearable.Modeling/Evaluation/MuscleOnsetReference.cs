using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Evaluation;

/// <summary>One prompted gesture: where its label starts (the prompt) and ends, and where the muscles actually start and stop.</summary>
/// <param name="Found">False when no rise above the rest level was found; the onset is then the prompt.</param>
public sealed record GestureOnset(int Label, int PromptFrame, int EndFrame, int OnsetFrame, bool Found)
{
    /// <summary>Muscle onset minus prompt in frames: the reaction time (negative when the wearer anticipated the prompt).</summary>
    public int ReactionFrames => OnsetFrame - PromptFrame;

    /// <summary>The first frame at rest again after the gesture (the label's end when no fall was found).</summary>
    public int ReleaseFrame { get; init; } = EndFrame;

    /// <summary>False when no fall below the rest level was found near the label's end; the release is then that end.</summary>
    public bool ReleaseFound { get; init; }

    /// <summary>Muscle release minus the label's end in frames (positive when the wearer let go after the rest prompt).</summary>
    public int ReleaseLagFrames => ReleaseFrame - EndFrame;
}

/// <summary>
/// The EMG-onset reference for cued recordings whose labels change at the prompt (myo-readings).
/// Myoelectric-control delay is measured from the onset of muscle activity (Farrell and Weir 2007;
/// the onset detection follows Hodges and Bui 1996: a baseline level plus three standard deviations,
/// held for a minimum time), not from a prompt the wearer reacts to. Deterministic, offline, from
/// the recording itself (nothing is edited): the envelope is the sum of |sample| over channels,
/// averaged over a centred 55 ms window (an offline reference may look ahead, so it does not lag);
/// the rest level is the median and the spread 1.4826 x the median absolute deviation (a robust
/// standard deviation) of the envelope over "clean" rest frames, those at least 1 s from any
/// gesture label; the threshold is level + 3 spreads (spread at least 1 LSB). Per prompted gesture
/// the onset is the first frame from 500 ms before the prompt (participants who see a countdown
/// start early) to the end of its label where the envelope crosses the threshold from below and stays
/// above it for 50 ms; the search never starts before the previous gesture ended plus 1 s. The
/// release is found the same way in reverse: the first frame from 500 ms before the label's end to
/// 2.5 s after it (half of myo-readings' 5 s rest, never into the next gesture's label) where the
/// envelope falls below the threshold and stays below it for 50 ms. myo-readings' wearers let go a
/// median 0.5 s after the rest prompt, some over 1.5 s; they are not counted wrong for holding on.
/// </summary>
public static class MuscleOnsetReference
{
    public const double EnvelopeWindowSeconds = 0.055;
    public const double CleanRestMarginSeconds = 1.0;
    public const double SearchBeforePromptSeconds = 0.5;
    public const double SearchAfterEndSeconds = 2.5;
    public const double SustainSeconds = 0.05;
    public const double ThresholdSpreads = 3.0;

    /// <summary>The centred moving average of the sum of |sample| over channels, one value per frame.</summary>
    public static double[] Envelope(LabelledRecording recording)
    {
        int frames = recording.Frames;
        var prefix = new double[frames + 1];
        for (int f = 0; f < frames; f++)
        {
            double sum = 0;
            for (int c = 0; c < recording.Channels; c++)
            {
                sum += Math.Abs(recording.Sample(f, c));
            }

            prefix[f + 1] = prefix[f] + sum;
        }

        int half = (int)(EnvelopeWindowSeconds * recording.SampleRate / 2);
        var envelope = new double[frames];
        for (int f = 0; f < frames; f++)
        {
            int from = Math.Max(0, f - half), to = Math.Min(frames, f + half + 1);
            envelope[f] = (prefix[to] - prefix[from]) / (to - from);
        }

        return envelope;
    }

    /// <summary>The envelope level above which the muscles count as active: clean-rest median + 3 robust standard deviations; NaN without clean rest.</summary>
    public static double Threshold(LabelledRecording recording, double[] envelope, int restLabel)
    {
        int margin = (int)(CleanRestMarginSeconds * recording.SampleRate);
        var nearGesture = new bool[recording.Frames];
        int lastGesture = int.MinValue / 2;
        for (int f = 0; f < recording.Frames; f++)
        {
            if (recording.LabelAt(f) != restLabel)
            {
                lastGesture = f;
            }

            nearGesture[f] = f - lastGesture <= margin;
        }

        int nextGesture = int.MaxValue / 2;
        var rest = new List<double>();
        for (int f = recording.Frames - 1; f >= 0; f--)
        {
            if (recording.LabelAt(f) != restLabel)
            {
                nextGesture = f;
            }
            else if (!nearGesture[f] && nextGesture - f > margin)
            {
                rest.Add(envelope[f]);
            }
        }

        if (rest.Count == 0)
        {
            return double.NaN;
        }

        double median = MedianOf(rest);
        double spread = Math.Max(1.0, 1.4826 * MedianOf(rest.Select(r => Math.Abs(r - median)).ToList()));
        return median + (ThresholdSpreads * spread);
    }

    /// <summary>Every prompted gesture of <paramref name="recording"/> (a label change from rest to a gesture) with its muscle onset.</summary>
    public static IReadOnlyList<GestureOnset> Find(LabelledRecording recording, int restLabel)
    {
        if (recording.FrameLabels is null)
        {
            throw new ArgumentException(recording.Source + " has one label for the whole recording; the onset reference needs per-frame labels.", nameof(recording));
        }

        double[] envelope = Envelope(recording);
        double threshold = Threshold(recording, envelope, restLabel);
        int before = (int)(SearchBeforePromptSeconds * recording.SampleRate);
        int margin = (int)(CleanRestMarginSeconds * recording.SampleRate);
        int sustain = Math.Max(1, (int)Math.Round(SustainSeconds * recording.SampleRate));
        var onsets = new List<GestureOnset>();
        int previousEnd = int.MinValue / 2;
        for (int f = 1; f < recording.Frames; f++)
        {
            int label = recording.LabelAt(f);
            if (recording.LabelAt(f - 1) == restLabel && label != restLabel)
            {
                int end = f;
                while (end < recording.Frames && recording.LabelAt(end) == label)
                {
                    end++;
                }

                int from = Math.Max(Math.Max(1, f - before), previousEnd + margin);
                int onset = double.IsNaN(threshold) ? -1 : FirstSustainedRise(envelope, threshold, Math.Min(from, f), end, sustain);
                int nextLabel = end;
                while (nextLabel < recording.Frames && recording.LabelAt(nextLabel) == restLabel)
                {
                    nextLabel++;
                }

                int releaseFrom = Math.Max((onset < 0 ? f : onset) + sustain, end - before);
                int releaseTo = Math.Min(nextLabel, end + (int)(SearchAfterEndSeconds * recording.SampleRate));
                int release = double.IsNaN(threshold) ? -1 : FirstSustainedFall(envelope, threshold, releaseFrom, releaseTo, sustain);
                onsets.Add(new GestureOnset(label, f, end, onset < 0 ? f : onset, onset >= 0) { ReleaseFrame = release < 0 ? end : release, ReleaseFound = release >= 0 });
                previousEnd = end;
                f = end - 1;
            }
            else if (label != restLabel)
            {
                previousEnd = f + 1;
            }
        }

        return onsets;
    }

    /// <summary>
    /// A new recording, same samples, whose gesture labels follow the muscles instead of the prompts:
    /// each starts at its muscle onset and ends at its release (frames between the prompt and a later
    /// onset, or between an earlier release and the label's end, become rest; frames between an earlier
    /// onset and the prompt, or between the label's end and a later release, become the gesture). The
    /// input is not changed.
    /// </summary>
    public static LabelledRecording AlignToActivity(LabelledRecording recording, IReadOnlyList<GestureOnset> onsets, int restLabel)
    {
        var labels = (int[])recording.FrameLabels!.Clone();
        foreach (var o in onsets)
        {
            for (int f = o.PromptFrame; f < o.OnsetFrame && f < o.EndFrame; f++)
            {
                labels[f] = restLabel;
            }

            for (int f = o.OnsetFrame; f < o.PromptFrame; f++)
            {
                labels[f] = o.Label;
            }

            for (int f = Math.Max(o.ReleaseFrame, o.OnsetFrame); f < o.EndFrame; f++)
            {
                labels[f] = restLabel;
            }

            for (int f = o.EndFrame; f < o.ReleaseFrame; f++)
            {
                labels[f] = o.Label;
            }
        }

        return recording.Int16Samples is short[] samples
            ? LabelledRecording.FromInt16(recording.Source, recording.PersonId, recording.SessionId, recording.ChannelNames.ToArray(), recording.SampleRate, recording.Units, samples, labels, unitsPerCount: recording.UnitsPerCount)
            : LabelledRecording.FromFloat(recording.Source, recording.PersonId, recording.SessionId, recording.ChannelNames.ToArray(), recording.SampleRate, recording.Units, recording.FloatSamples!, labels, unitsPerCount: recording.UnitsPerCount);
    }

    public static LabelledRecording AlignToActivity(LabelledRecording recording, int restLabel) =>
        AlignToActivity(recording, Find(recording, restLabel), restLabel);

    /// <summary>The first frame in [from, to) where the envelope rises through the threshold and stays at or above it for <paramref name="sustain"/> frames; -1 if none.</summary>
    private static int FirstSustainedRise(double[] envelope, double threshold, int from, int to, int sustain) =>
        FirstSustainedCrossing(envelope, threshold, from, to, sustain, rising: true);

    /// <summary>The first frame in [from, to) where the envelope falls below the threshold and stays below it for <paramref name="sustain"/> frames; -1 if none.</summary>
    private static int FirstSustainedFall(double[] envelope, double threshold, int from, int to, int sustain) =>
        FirstSustainedCrossing(envelope, threshold, from, to, sustain, rising: false);

    private static int FirstSustainedCrossing(double[] envelope, double threshold, int from, int to, int sustain, bool rising)
    {
        bool Beyond(int f) => rising ? envelope[f] >= threshold : envelope[f] < threshold;
        int run = 0;
        for (int f = Math.Max(1, from); f < to && f < envelope.Length; f++)
        {
            if (Beyond(f) && (run > 0 || !Beyond(f - 1)))
            {
                run++;
                if (run >= sustain)
                {
                    return f - sustain + 1;
                }
            }
            else
            {
                run = 0;
            }
        }

        return -1;
    }

    private static double MedianOf(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
