using Wearable.Kernels.Eeg;
using Wearable.Modeling.Reference;

namespace Wearable.Modeling.Eeg;

/// <summary>Settings of the pseudo-online eyes-closed (alpha) evaluation (docs/eeg.md).</summary>
public sealed record AlphaEvaluationOptions
{
    public double[] WindowsSeconds { get; init; } = [1, 2, 4];
    public double HopSeconds { get; init; } = 0.25;
    public double MainsHz { get; init; } = 60;

    /// <summary>Tp7/Tp8: the 10-10 sites nearest the ear in eegmmidb (O1/O2 for the occipital comparison).</summary>
    public string[] Channels { get; init; } = ["Tp7", "Tp8"];
}

public sealed record AlphaWindowResult(
    double WindowSeconds, int TestWindows, int Rejected, double FixedAccuracy, double FloatAccuracy,
    double FixedItrBitsPerMinute, double FloatItrBitsPerMinute, double FixedFalseDetectionsPerMinuteAtRest,
    double FloatFalseDetectionsPerMinuteAtRest, double FixedDecisionLatencySeconds, double FloatDecisionLatencySeconds,
    double Agreement, double MaxShareDifference, double[] FixedThresholds);

/// <summary>
/// Eyes open (R01) against eyes closed (R02) of eegmmidb S001, streamed through the device pipeline
/// with a decision every hop. The double reference computes the same alpha share (double filters,
/// double sums) on the same windows. The one trained value, the threshold, is set on one half of each
/// run and tested on the other half, both ways (two folds in time: the subject has one session of
/// each). Accuracy is balanced over the two classes; false detections are onsets of "closed" in the
/// eyes-open test half; latency is from the splice of the eyes-open and eyes-closed test halves to
/// the first "closed" decision.
/// </summary>
public static class AlphaEvaluation
{
    private sealed record Window(int End, bool Clean, double FixedShare, double FloatShare);

    public static IReadOnlyList<AlphaWindowResult> Run(string eyesOpenPath, string eyesClosedPath, AlphaEvaluationOptions options)
    {
        EegRecording open = EegRecording.Load(eyesOpenPath, options.Channels);
        EegRecording closed = EegRecording.Load(eyesClosedPath, options.Channels);
        var results = new List<AlphaWindowResult>();
        foreach (double seconds in options.WindowsSeconds)
        {
            int hop = (int)Math.Round(options.HopSeconds * open.SampleRate);
            EegDetectorConfig config = EegDetectorDesign.Alpha(open.SampleRate, open.ChannelIndices, seconds, hop, options.MainsHz, thresholdShare: 0);
            int n = config.AlphaDetector!.Window;
            var folds = new List<FoldScore>();
            List<Window> openWindows = Windows(open, config, options);
            List<Window> closedWindows = Windows(closed, config, options);
            for (int fold = 0; fold < 2; fold++)
            {
                folds.Add(Fold(open, closed, openWindows, closedWindows, config, options, fold, n));
            }

            double fixedAccuracy = folds.Average(f => f.FixedAccuracy);
            double floatAccuracy = folds.Average(f => f.FloatAccuracy);
            var all = openWindows.Concat(closedWindows).Where(w => w.Clean).ToList();
            results.Add(new AlphaWindowResult(
                seconds, folds.Sum(f => f.TestWindows), openWindows.Concat(closedWindows).Count(w => !w.Clean), fixedAccuracy, floatAccuracy,
                InformationTransferRate.BitsPerMinute(2, fixedAccuracy, seconds), InformationTransferRate.BitsPerMinute(2, floatAccuracy, seconds),
                folds.Average(f => f.FixedFalsePerMinute), folds.Average(f => f.FloatFalsePerMinute),
                folds.Average(f => f.FixedLatency), folds.Average(f => f.FloatLatency),
                folds.Sum(f => f.Agreements) / (double)Math.Max(1, folds.Sum(f => f.TestWindows)),
                all.Count == 0 ? 0 : all.Max(w => Math.Abs(w.FixedShare - w.FloatShare)),
                [.. folds.Select(f => Math.Round(f.FixedThreshold, 4))]));
        }

        return results;
    }

    private sealed record FoldScore(
        int TestWindows, double FixedAccuracy, double FloatAccuracy, double FixedFalsePerMinute, double FloatFalsePerMinute,
        double FixedLatency, double FloatLatency, int Agreements, double FixedThreshold);

    private static FoldScore Fold(
        EegRecording open, EegRecording closed, List<Window> openWindows, List<Window> closedWindows,
        EegDetectorConfig config, AlphaEvaluationOptions options, int fold, int n)
    {
        // Fold 0 tests on the second half of each run, fold 1 on the first; windows must lie wholly in their half.
        bool InTest(Window w, int frames) => fold == 0 ? w.End - n + 1 >= frames / 2 : w.End < frames / 2;
        bool InTrain(Window w, int frames) => fold == 0 ? w.End < frames / 2 : w.End - n + 1 >= frames / 2;
        var trainOpen = openWindows.Where(w => w.Clean && InTrain(w, open.Frames)).ToList();
        var trainClosed = closedWindows.Where(w => w.Clean && InTrain(w, closed.Frames)).ToList();
        var testOpen = openWindows.Where(w => w.Clean && InTest(w, open.Frames)).ToList();
        var testClosed = closedWindows.Where(w => w.Clean && InTest(w, closed.Frames)).ToList();
        double fixedThreshold = BestThreshold(trainOpen.Select(w => w.FixedShare), trainClosed.Select(w => w.FixedShare));
        double floatThreshold = BestThreshold(trainOpen.Select(w => w.FloatShare), trainClosed.Select(w => w.FloatShare));
        double Balanced(Func<Window, double> share, double threshold) =>
            0.5 * ((testOpen.Count(w => share(w) < threshold) / (double)Math.Max(1, testOpen.Count))
                 + (testClosed.Count(w => share(w) >= threshold) / (double)Math.Max(1, testClosed.Count)));
        double restMinutes = open.Frames / 2.0 / open.SampleRate / 60;
        double FalsePerMinute(Func<Window, double> share, double threshold)
        {
            int onsets = 0;
            bool previous = false;
            foreach (Window w in openWindows.Where(w => InTest(w, open.Frames)))
            {
                bool now = w.Clean && share(w) >= threshold;
                onsets += now && !previous ? 1 : 0;
                previous = now;
            }

            return onsets / restMinutes;
        }

        var (fixedLatency, floatLatency) = SpliceLatency(open, closed, config, options, fold, fixedThreshold, floatThreshold);
        int agreements = testOpen.Concat(testClosed).Count(w => (w.FixedShare >= fixedThreshold) == (w.FloatShare >= floatThreshold));
        return new FoldScore(
            testOpen.Count + testClosed.Count, Balanced(w => w.FixedShare, fixedThreshold), Balanced(w => w.FloatShare, floatThreshold),
            FalsePerMinute(w => w.FixedShare, fixedThreshold), FalsePerMinute(w => w.FloatShare, floatThreshold),
            fixedLatency, floatLatency, agreements, fixedThreshold);
    }

    // The eyes-open test half followed by the eyes-closed test half as one stream.
    private static (double Fixed, double Float) SpliceLatency(
        EegRecording open, EegRecording closed, EegDetectorConfig config, AlphaEvaluationOptions options, int fold, double fixedThreshold, double floatThreshold)
    {
        int openStart = fold == 0 ? open.Frames / 2 : 0;
        int openLength = fold == 0 ? open.Frames - (open.Frames / 2) : open.Frames / 2;
        int closedStart = fold == 0 ? closed.Frames / 2 : 0;
        int closedLength = fold == 0 ? closed.Frames - (closed.Frames / 2) : closed.Frames / 2;
        var lsb = open.Slice(openStart, openLength).Concat(closed.Slice(closedStart, closedLength)).ToArray();
        var spliced = new EegRecording { Source = open.Source, Lsb = lsb, ChannelIndices = open.ChannelIndices };
        List<Window> windows = Windows(spliced, config, options, openLength + closedLength);
        double Latency(Func<Window, double> share, double threshold)
        {
            Window? first = windows.FirstOrDefault(w => w.End >= openLength && w.Clean && share(w) >= threshold);
            return first is null ? double.NaN : (first.End - openLength + 1) / open.SampleRate;
        }

        return (Latency(w => w.FixedShare, fixedThreshold), Latency(w => w.FloatShare, floatThreshold));
    }

    private static List<Window> Windows(EegRecording recording, EegDetectorConfig config, AlphaEvaluationOptions options, int frames = -1)
    {
        int length = frames < 0 ? recording.Frames : frames;
        EegDecisionTrace trace = EegDecisionTrace.Run(config, recording.Lsb, recording.Channels);
        int n = config.AlphaDetector!.Window;
        double fs = recording.SampleRate;
        var front = EegDetectorDesign.AlphaFrontBand(fs, options.MainsHz);
        var alphaBand = EegDetectorDesign.AlphaBand(fs);
        var x = new double[recording.ChannelIndices.Length][];
        var a = new double[x.Length][];
        for (int c = 0; c < x.Length; c++)
        {
            x[c] = BiquadDouble.Filter(front, recording.ChannelLsb(c, 0, length));
            a[c] = BiquadDouble.Filter(alphaBand, x[c]);
        }

        var windows = new List<Window>(trace.Count);
        for (int i = 0; i < trace.Count; i++)
        {
            int end = trace.Frames[i];
            double total = 0, alpha = 0;
            for (int c = 0; c < x.Length; c++)
            {
                for (int t = end - n + 1; t <= end; t++)
                {
                    total += x[c][t] * x[c][t];
                    alpha += a[c][t] * a[c][t];
                }
            }

            windows.Add(new Window(end, trace.Clean[i], trace.ValuesQ15[i][0] / 32768.0, total > 0 ? Math.Min(alpha / total, 32767 / 32768.0) : 0));
        }

        return windows;
    }

    /// <summary>The threshold between the two classes' shares with the best balanced accuracy (midpoint of neighbours).</summary>
    public static double BestThreshold(IEnumerable<double> openShares, IEnumerable<double> closedShares)
    {
        var open = openShares.ToArray();
        var closed = closedShares.ToArray();
        var candidates = open.Concat(closed).OrderBy(v => v).ToArray();
        double best = 0.5, bestScore = -1;
        for (int i = 0; i + 1 < candidates.Length; i++)
        {
            double threshold = (candidates[i] + candidates[i + 1]) / 2;
            double score = (open.Count(v => v < threshold) / (double)open.Length) + (closed.Count(v => v >= threshold) / (double)closed.Length);
            if (score > bestScore)
            {
                bestScore = score;
                best = threshold;
            }
        }

        return best;
    }
}
