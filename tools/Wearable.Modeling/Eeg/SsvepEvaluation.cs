using Wearable.Kernels.Eeg;
using Wearable.Modeling.Reference;

namespace Wearable.Modeling.Eeg;

/// <summary>Settings of the pseudo-online SSVEP evaluation (docs/eeg.md).</summary>
public sealed record SsvepEvaluationOptions
{
    public double[] WindowsSeconds { get; init; } = [0.5, 1, 2, 3];
    public int Hop { get; init; } = 8;
    public int Harmonics { get; init; } = 2;
    public double MainsHz { get; init; } = 60;
    public string[] Channels { get; init; } = ["TP9", "TP10"];

    /// <summary>Marker 1 = 30 Hz, 2 = 20 Hz, so target k is marker k + 1.</summary>
    public double[] TargetsHz { get; init; } = [30, 20];

    /// <summary>Flicker duration after each marker (eeg-notebooks: 3 s).</summary>
    public double StimulusSeconds { get; init; } = 3;

    /// <summary>Per-user threshold: the share of the training sessions' trials it keeps.</summary>
    public double RetainedShare { get; init; } = 0.8;
}

public sealed record SsvepFileResult(
    string File, string Person, string Session, double WindowSeconds, int Trials, int Rejected,
    double FixedAccuracy, double FloatAccuracy, double Agreement, double MaxRhoDifference);

public sealed record SsvepWindowResult(
    double WindowSeconds, int Trials, int Rejected, double FixedAccuracy, double FloatAccuracy,
    double FixedItrBitsPerMinute, double FloatItrBitsPerMinute, double DecisionLatencySeconds,
    double Agreement, double MaxRhoDifference,
    double DetectionRateWithThreshold, double AccuracyOfDetections, double RestMinutes, double FalseDetectionsPerMinuteAtRest);

public sealed record SsvepEvaluationResult(IReadOnlyList<SsvepWindowResult> Windows, IReadOnlyList<SsvepFileResult> Files);

/// <summary>
/// Pseudo-online SSVEP evaluation on Muse recordings: each file streams through the device pipeline
/// (band filter, artefact rejection, integer CCA) with a decision every hop; a trial's decision is the
/// first window lying wholly after its flicker marker. The double-precision standard CCA scores the
/// very same windows of the same ADC values. Accuracy is per file, then the mean over files (ITR from
/// the mean accuracy and latency). The one trained value, the per-user threshold, is chosen
/// leave-one-session-out (a person's files stand in for sessions when they have only one).
/// </summary>
public static class SsvepEvaluation
{
    private sealed record Trial(int Target, int Window, bool Clean, int FixedChoice, int FloatChoice, int FixedRho, double LatencySeconds, double MaxRhoDifference);

    private sealed record FileRun(string Path, string Person, string Unit, List<Trial> Trials, EegDecisionTrace Trace, int FirstMarker, int Window, double Rate);

    /// <param name="recordings">Muse recordings loaded with <see cref="EegRecording.Load"/> for <see cref="SsvepEvaluationOptions.Channels"/>.</param>
    public static SsvepEvaluationResult Run(IReadOnlyList<EegRecording> recordings, SsvepEvaluationOptions options)
    {
        var windows = new List<SsvepWindowResult>();
        var fileResults = new List<SsvepFileResult>();
        foreach (double seconds in options.WindowsSeconds)
        {
            var runs = recordings.Select(r => RunFile(r, seconds, options)).ToList();
            foreach (FileRun run in runs)
            {
                var scored = run.Trials.Where(t => t.Clean).ToList();
                fileResults.Add(new SsvepFileResult(
                    run.Path, run.Person, run.Unit, seconds, run.Trials.Count, run.Trials.Count - scored.Count,
                    Share(scored, t => t.FixedChoice == t.Target), Share(scored, t => t.FloatChoice == t.Target),
                    Share(scored, t => t.FixedChoice == t.FloatChoice), scored.Count == 0 ? 0 : scored.Max(t => t.MaxRhoDifference)));
            }

            var current = fileResults.Where(f => f.WindowSeconds == seconds).ToList();
            double fixedAccuracy = current.Average(f => f.FixedAccuracy);
            double floatAccuracy = current.Average(f => f.FloatAccuracy);
            var allTrials = runs.SelectMany(r => r.Trials.Where(t => t.Clean)).ToList();
            double latency = allTrials.Count == 0 ? seconds : allTrials.Average(t => t.LatencySeconds);
            var (detectionRate, detectionAccuracy, restMinutes, falsePerMinute) = ThresholdedLeaveOneSessionOut(runs, options);
            windows.Add(new SsvepWindowResult(
                seconds, runs.Sum(r => r.Trials.Count), runs.Sum(r => r.Trials.Count(t => !t.Clean)), fixedAccuracy, floatAccuracy,
                InformationTransferRate.BitsPerMinute(options.TargetsHz.Length, fixedAccuracy, latency),
                InformationTransferRate.BitsPerMinute(options.TargetsHz.Length, floatAccuracy, latency),
                latency, current.Average(f => f.Agreement), current.Max(f => f.MaxRhoDifference),
                detectionRate, detectionAccuracy, restMinutes, falsePerMinute));
        }

        return new SsvepEvaluationResult(windows, fileResults);
    }

    private static FileRun RunFile(EegRecording recording, double seconds, SsvepEvaluationOptions options)
    {
        double fs = recording.SampleRate;
        EegDetectorConfig config = EegDetectorDesign.Ssvep(fs, recording.ChannelIndices, options.TargetsHz, seconds, options.Hop, options.Harmonics, options.MainsHz, thresholdCorrelation: 0);
        int window = config.SsvepDetector!.Window;
        EegDecisionTrace trace = EegDecisionTrace.Run(config, recording.Lsb, recording.Channels);
        var band = EegDetectorDesign.SsvepBand(fs, options.MainsHz);
        double[][] filtered = [.. Enumerable.Range(0, recording.ChannelIndices.Length).Select(c => BiquadDouble.Filter(band, recording.ChannelLsb(c)))];
        var references = options.TargetsHz.Select(f => CanonicalCorrelationDouble.References(f, fs, options.Harmonics, window)).ToArray();
        int stimulus = (int)Math.Round(options.StimulusSeconds * fs);
        var trials = new List<Trial>();
        int firstMarker = recording.Frames;
        for (int t = 0; t < recording.Frames; t++)
        {
            int label = recording.Source.LabelAt(t);
            if (label < 1 || label > options.TargetsHz.Length)
            {
                continue;
            }

            firstMarker = Math.Min(firstMarker, t);
            int i = trace.FirstAtOrAfter(t + window - 1);
            if (i < 0 || trace.Frames[i] - t + 1 > stimulus + options.Hop)
            {
                continue;
            }

            int end = trace.Frames[i];
            int[] rho = trace.ValuesQ15[i];
            double[] floatRho = [.. references.Select(y => CanonicalCorrelationDouble.Standard(
                [.. filtered.Select(x => x.AsSpan(end - window + 1, window).ToArray())], y))];
            double difference = rho.Select((r, k) => Math.Abs((r / 32768.0) - floatRho[k])).Max();
            trials.Add(new Trial(label - 1, i, trace.Clean[i], ArgMax(rho), ArgMax(floatRho), rho.Max(), (end - t + 1) / fs, difference));
        }

        string path = recording.Source.Source;
        return new FileRun(path, recording.Source.PersonId, recording.Source.SessionId, trials, trace, firstMarker, window, fs);
    }

    // Per person: hold out one session (or one file when the person has a single session), set the
    // threshold on the others' clean trials so RetainedShare of them pass, then score the held-out unit:
    // the share of trials detected, the accuracy of those detections, and detection onsets per minute
    // in its rest (the seconds before the first flicker marker).
    private static (double DetectionRate, double Accuracy, double RestMinutes, double FalsePerMinute) ThresholdedLeaveOneSessionOut(
        List<FileRun> runs, SsvepEvaluationOptions options)
    {
        int detected = 0, correct = 0, trials = 0, falseDetections = 0;
        double restFrames = 0;
        double rate = runs.Count > 0 ? runs[0].Rate : 1;
        foreach (var person in runs.GroupBy(r => r.Person))
        {
            bool bySession = person.Select(r => r.Unit).Distinct().Count() > 1;
            var units = person.GroupBy(r => bySession ? r.Unit : r.Path).ToList();
            if (units.Count < 2)
            {
                continue;
            }

            foreach (var held in units)
            {
                var training = units.Where(u => u.Key != held.Key).SelectMany(u => u).SelectMany(r => r.Trials.Where(t => t.Clean)).Select(t => t.FixedRho).OrderBy(v => v).ToList();
                if (training.Count == 0)
                {
                    continue;
                }

                int threshold = training[(int)Math.Floor((1 - options.RetainedShare) * (training.Count - 1))];
                foreach (FileRun run in held)
                {
                    foreach (Trial t in run.Trials.Where(t => t.Clean))
                    {
                        trials++;
                        if (t.FixedRho >= threshold)
                        {
                            detected++;
                            correct += t.FixedChoice == t.Target ? 1 : 0;
                        }
                    }

                    bool previous = false;
                    for (int i = 0; i < run.Trace.Count && run.Trace.Frames[i] < run.FirstMarker; i++)
                    {
                        bool now = run.Trace.Clean[i] && run.Trace.ValuesQ15[i].Max() >= threshold;
                        falseDetections += now && !previous ? 1 : 0;
                        previous = now;
                        restFrames += options.Hop;
                    }
                }
            }
        }

        double minutes = restFrames / rate / 60;
        return (trials == 0 ? 0 : (double)detected / trials, detected == 0 ? 0 : (double)correct / detected, minutes, minutes == 0 ? 0 : falseDetections / minutes);
    }

    private static int ArgMax(IReadOnlyList<int> v)
    {
        int best = 0;
        for (int i = 1; i < v.Count; i++)
        {
            best = v[i] > v[best] ? i : best;
        }

        return best;
    }

    private static int ArgMax(IReadOnlyList<double> v)
    {
        int best = 0;
        for (int i = 1; i < v.Count; i++)
        {
            best = v[i] > v[best] ? i : best;
        }

        return best;
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : (double)items.Count(predicate) / items.Count;
}
