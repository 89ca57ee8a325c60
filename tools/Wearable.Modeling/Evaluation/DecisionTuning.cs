using Wearable.Kernels.Gesture;

namespace Wearable.Modeling.Evaluation;

/// <summary>One gesture_decision setting and what it scored on the traces it was tuned on.</summary>
/// <param name="EnvelopeMultiple">When tuned on calibrated wearers: the envelope gate as a multiple of each wearer's own rest threshold (0 = no gate); <see cref="Parameters"/> then holds no gate until <see cref="For"/> sets it.</param>
public sealed record TunedDecision(GestureDecisionParameters Parameters, StreamingResult OnTuningTraces, double Objective, double? EnvelopeMultiple = null)
{
    /// <summary>The setting for a wearer whose calibration measured <paramref name="restThreshold"/> (LSB); the setting itself when not tuned per wearer.</summary>
    public GestureDecisionParameters For(double? restThreshold) =>
        EnvelopeMultiple is double m && restThreshold is double t ? DecisionTuning.WithGate(Parameters, m, t) : Parameters;
}

/// <summary>
/// Picks gesture_decision parameters by grid search on decision traces of tuning people (never the
/// person reported on). Objective: normalised MCC, minus 0.05 per false activation per minute above
/// 0.8 (the goal is below 1) and 0.001 per ms of median onset latency above 200 ms; the goals of
/// issue 19 weigh the trade-off, not the test data.
/// </summary>
public static class DecisionTuning
{
    public static readonly int[] MinConfidences = [-128, 0, 64, 96, 112];
    public static readonly int[] Votes = [1, 3, 5];
    public static readonly int[] EnterHops = [1, 2, 3, 4];
    public static readonly int[] LeaveHops = [1, 3];

    /// <summary>Envelope on levels (sum of |sample| over the 8 Myo channels, LSB); off = 3/4 of on; 0 = no gate.</summary>
    public static readonly int[] EnvelopeLevels = [0, 40, 60, 90];

    /// <summary>Refractory periods tried: none, 0.5 s and 1 s at the 25 ms hop.</summary>
    public static readonly int[] RefractoryHops = [0, 20, 40];

    /// <summary>Envelope on levels tried for calibrated wearers, as multiples of the wearer's own rest threshold; 0 = no gate.</summary>
    public static readonly double[] RelativeEnvelopeLevels = [0, 1.0, 1.5, 2.0, 3.0];

    public const int EnvelopeShift = 3;

    /// <summary><paramref name="template"/> with its envelope gate at <paramref name="multiple"/> x <paramref name="restThreshold"/> (off level 3/4 of it); 0 = no gate.</summary>
    public static GestureDecisionParameters WithGate(GestureDecisionParameters template, double multiple, double restThreshold)
    {
        int on = multiple <= 0 || double.IsNaN(restThreshold) ? 0 : Math.Clamp((int)Math.Round(multiple * restThreshold), 1, GestureDecisionParameters.MaxEnvelopeLevel);
        return new GestureDecisionParameters(
            template.RestClass, template.MinConfidence, template.VoteLength, template.EnterHops, template.LeaveHops, template.EnvelopeShift, on, on * 3 / 4, template.RefractoryHops);
    }

    public static IEnumerable<GestureDecisionParameters> Grid(int restClass)
    {
        foreach (int confidence in MinConfidences)
        {
            foreach (int vote in Votes)
            {
                foreach (int enter in EnterHops)
                {
                    foreach (int leave in LeaveHops)
                    {
                        foreach (int level in EnvelopeLevels)
                        {
                            foreach (int refractory in RefractoryHops)
                            {
                                yield return new GestureDecisionParameters(restClass, confidence, vote, enter, leave, EnvelopeShift, level, level * 3 / 4, refractory);
                            }
                        }
                    }
                }
            }
        }
    }

    public static double Objective(StreamingResult r) =>
        r.NormalizedMcc - (0.05 * Math.Max(0, r.FalseActivationsPerMinute - 0.8)) - (0.001 * Math.Max(0, r.MedianLatencyMs - 200));

    /// <summary>The best setting of <see cref="Grid"/> over all <paramref name="traces"/> pooled (ties: the first in grid order).</summary>
    public static TunedDecision Tune(IReadOnlyList<DecisionTrace> traces, StreamingOptions options)
    {
        if (traces.Count == 0)
        {
            throw new ArgumentException("Tuning needs at least one trace.", nameof(traces));
        }

        // Calibrated wearers: the gate is tuned relative to each one's rest threshold, since absolute levels do not carry over between people.
        bool perWearer = traces.All(t => t.RestThreshold is not null);
        var grid = perWearer
            ? Grid(options.RestLabel).Where(p => p.EnvelopeOnLevel == 0).SelectMany(p => RelativeEnvelopeLevels.Select(m => (Template: p, Multiple: (double?)m))).ToArray()
            : Grid(options.RestLabel).Select(p => (Template: p, Multiple: (double?)null)).ToArray();
        var results = new StreamingResult[grid.Length];
        Parallel.For(0, grid.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var scorer = new StreamScorer(traces[0].ModelClasses, options.RestLabel, options.ReleaseGraceSeconds);
            foreach (var trace in traces)
            {
                trace.Replay(grid[i].Multiple is double m ? WithGate(grid[i].Template, m, trace.RestThreshold!.Value) : grid[i].Template, scorer);
            }

            results[i] = scorer.Result();
        });
        int best = 0;
        for (int i = 1; i < grid.Length; i++)
        {
            if (Objective(results[i]) > Objective(results[best]))
            {
                best = i;
            }
        }

        return new TunedDecision(grid[best].Template, results[best], Objective(results[best]), grid[best].Multiple);
    }
}
