using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>Settings of a pseudo-online run: how often the decoder decides and how it smooths.</summary>
public sealed class StreamingOptions
{
    /// <summary>Frames between decisions (10 = every 50 ms at 200 Hz).</summary>
    public int Hop { get; set; } = 10;

    /// <summary>Majority vote over this many latest decisions; 1 = no vote.</summary>
    public int Vote { get; set; } = 1;

    /// <summary>Rest frames right after a gesture ends that do not count towards false activations (release).</summary>
    public double ReleaseGraceSeconds { get; set; } = 0.5;

    public int RestLabel { get; set; }
}

/// <summary>Pseudo-online metrics over one or more labelled streams.</summary>
public sealed record StreamingResult(
    int Decisions, double Accuracy, double Mcc, double NormalizedMcc, double FalseActivationsPerMinute,
    double RestMinutes, int Onsets, int DetectedOnsets, double MeanLatencyMs, double MedianLatencyMs, int[,] Confusion)
{
    /// <summary>90th percentile of the onset latencies (NaN without detected onsets).</summary>
    public double P90LatencyMs { get; init; } = double.NaN;

    /// <summary>Every detected onset's latency, ascending (to pool several streams).</summary>
    public IReadOnlyList<double> LatenciesMs { get; init; } = [];

    /// <summary>Rest -> gesture decision changes during counted rest.</summary>
    public int FalseActivations { get; init; }

    /// <summary>Several streams' results as if one scorer had seen them all: confusions, false activations and rest time summed, latencies pooled.</summary>
    public static StreamingResult Pool(IReadOnlyList<StreamingResult> results)
    {
        if (results.Count == 0)
        {
            throw new ArgumentException("Nothing to pool.", nameof(results));
        }

        int classes = results[0].Confusion.GetLength(0);
        var confusion = new int[classes, classes];
        int total = 0, correct = 0;
        foreach (var r in results)
        {
            for (int i = 0; i < classes; i++)
            {
                for (int j = 0; j < classes; j++)
                {
                    confusion[i, j] += r.Confusion[i, j];
                    total += r.Confusion[i, j];
                    correct += i == j ? r.Confusion[i, j] : 0;
                }
            }
        }

        double mcc = StreamingEvaluation.MulticlassMcc(confusion);
        double restMinutes = results.Sum(r => r.RestMinutes);
        int falseActivations = results.Sum(r => r.FalseActivations);
        var latencies = results.SelectMany(r => r.LatenciesMs).Order().ToList();
        return new StreamingResult(
            total, total == 0 ? double.NaN : (double)correct / total, mcc, (mcc + 1) / 2,
            restMinutes > 0 ? falseActivations / restMinutes : double.NaN, restMinutes,
            results.Sum(r => r.Onsets), latencies.Count, latencies.Count > 0 ? latencies.Average() : double.NaN,
            StreamScorer.Median(latencies), confusion)
        {
            P90LatencyMs = StreamScorer.Percentile(latencies, 0.9),
            FalseActivations = falseActivations,
            LatenciesMs = latencies,
        };
    }
}

/// <summary>
/// Replays recordings through a network as a device would: a window ending at the newest frame,
/// a decision every hop, an optional majority vote, judged against the label of the newest frame.
/// </summary>
public static class StreamingEvaluation
{
    public static StreamingResult Run(IClassifierModel network, IEnumerable<LabelledRecording> recordings, StreamingOptions options) =>
        Run(w => network.Predict(w, 0), network.InputLength, network.InputChannels, network.Classes, recordings, options);

    /// <summary>
    /// The same replay for any window classifier (it gets one window [time][channel] and returns a class).
    /// </summary>
    public static StreamingResult Run(
        Func<float[], int> classify, int inputLength, int inputChannels, int classes, IEnumerable<LabelledRecording> recordings, StreamingOptions options)
    {
        var scorer = new StreamScorer(classes, options.RestLabel, options.ReleaseGraceSeconds);
        var window = new float[inputLength * inputChannels];
        foreach (var recording in recordings)
        {
            scorer.BeginRecording(recording);
            var recent = new Queue<int>();
            for (int end = inputLength; end <= recording.Frames; end += options.Hop)
            {
                for (int t = 0; t < inputLength; t++)
                {
                    for (int c = 0; c < inputChannels; c++)
                    {
                        window[(t * inputChannels) + c] = recording.Sample(end - inputLength + t, c);
                    }
                }

                int raw = classify(window);
                recent.Enqueue(raw);
                if (recent.Count > options.Vote)
                {
                    recent.Dequeue();
                }

                scorer.Add(end - 1, Majority(recent, classes, raw));
            }
        }

        return scorer.Result();
    }

    /// <summary>Gorodkin's multiclass Matthews correlation coefficient (R_K) from a confusion matrix [truth, predicted].</summary>
    public static double MulticlassMcc(int[,] confusion)
    {
        int k = confusion.GetLength(0);
        double total = 0, correct = 0;
        var truthCounts = new double[k];
        var predictedCounts = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                total += confusion[i, j];
                truthCounts[i] += confusion[i, j];
                predictedCounts[j] += confusion[i, j];
            }

            correct += confusion[i, i];
        }

        double sumTp = 0, sumTt = 0, sumPp = 0;
        for (int i = 0; i < k; i++)
        {
            sumTp += truthCounts[i] * predictedCounts[i];
            sumTt += truthCounts[i] * truthCounts[i];
            sumPp += predictedCounts[i] * predictedCounts[i];
        }

        double denominator = Math.Sqrt(((total * total) - sumPp) * ((total * total) - sumTt));
        return denominator == 0 ? 0 : ((correct * total) - sumTp) / denominator;
    }

    private static int Majority(Queue<int> recent, int classes, int newest)
    {
        if (recent.Count == 1)
        {
            return newest;
        }

        var counts = new int[classes];
        foreach (int d in recent)
        {
            counts[d]++;
        }

        int best = newest; // ties go to the newest decision, so a vote never lags more than it must
        for (int c = 0; c < classes; c++)
        {
            if (counts[c] > counts[best])
            {
                best = c;
            }
        }

        return best;
    }
}
