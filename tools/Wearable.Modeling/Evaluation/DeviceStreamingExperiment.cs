using Wearable.Kernels.Gesture;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>Where the int8 model's gesture_decision parameters come from.</summary>
public enum DecisionSource
{
    /// <summary>None: the decision is the network's argmax every hop.</summary>
    None,

    /// <summary>Fixed values given by the caller.</summary>
    Given,

    /// <summary>Tuned per participant on the other participants' traces (leave one participant out).</summary>
    TunedOnOthers,
}

public sealed record DeviceStreamingPersonResult(
    string Participant, string TestSession, StreamingResult Float, StreamingResult Int8Argmax, StreamingResult Int8,
    GestureDecisionParameters? Decision, double TrainSeconds, byte[] ModelFile);

/// <summary>
/// myo-readings pseudo-online for the model the device runs: per participant the float network is
/// trained on sessions 1-2 (<see cref="MyoReadingsExperiment.Fit"/>), quantized to int8 with a hop of
/// <see cref="StreamingOptions.Hop"/> frames, given its gesture_decision section and replayed on session 3
/// through the shared ModelPipeline (<see cref="DeviceStreamingEvaluation"/>). Decision parameters
/// tuned on the other participants never see the reported one.
/// </summary>
public static class DeviceStreamingExperiment
{
    public static IReadOnlyList<DeviceStreamingPersonResult> Run(
        MyoReadingsDataset data, MyoProtocolOptions options, StreamingOptions streaming, IReadOnlyList<string> participants,
        Func<IClassifierModel>? start, DecisionSource source, GestureDecisionParameters? given, Action<string>? log = null)
    {
        if (source == DecisionSource.Given && given is null)
        {
            throw new ArgumentException("DecisionSource.Given needs the parameters.", nameof(given));
        }

        if (source == DecisionSource.TunedOnOthers && participants.Count < 2)
        {
            throw new ArgumentException("Tuning on the other participants needs at least two participants; got " + participants.Count + ".", nameof(participants));
        }

        var fitted = new List<(string Participant, ParticipantFit Fit, StreamingResult Float, byte[] File, DecisionTrace Trace, IReadOnlyList<LabelledRecording> Test)>();
        foreach (string participant in participants)
        {
            if (MyoReadingsExperiment.Fit(data, participant, options, start?.Invoke()) is not ParticipantFit fit)
            {
                continue;
            }

            var test = data.Load(fit.TestSession);
            var floatResult = StreamingEvaluation.Run(fit.Network, test, new StreamingOptions { Hop = streaming.Hop, Vote = 1, RestLabel = streaming.RestLabel, ReleaseGraceSeconds = streaming.ReleaseGraceSeconds });
            byte[] file = Quantize(fit.Network, fit.Train, streaming.Hop, "gesture-myo-readings-" + participant);
            fitted.Add((participant, fit, floatResult, file, DecisionTrace.Record(file, test), test));
            log?.Invoke(participant + ": trained in " + fit.TrainSeconds.ToString("F0") + " s; float " + Describe(floatResult));
        }

        var results = new List<DeviceStreamingPersonResult>();
        foreach (var p in fitted)
        {
            GestureDecisionParameters? decision = source switch
            {
                DecisionSource.Given => given,
                DecisionSource.TunedOnOthers => DecisionTuning.Tune(fitted.Where(o => o.Participant != p.Participant).Select(o => o.Trace).ToList(), streaming).Parameters,
                _ => null,
            };

            byte[] file = Wearable.Modeling.ModelFiles.GestureDecisionSection.With(p.File, decision);
            var int8 = DeviceStreamingEvaluation.Run(file, p.Test, streaming);
            var argmax = p.Trace.Replay(null, streaming);
            results.Add(new DeviceStreamingPersonResult(p.Participant, p.Fit.TestSession.Session, p.Float, argmax, int8, decision, p.Fit.TrainSeconds, file));
            log?.Invoke(p.Participant + " (test session " + p.Fit.TestSession.Session + "): int8 argmax " + Describe(argmax) + "; int8 on the device path " + Describe(int8) +
                (decision is null ? string.Empty : " with " + DescribeDecision(decision)));
        }

        return results;
    }

    /// <summary>The float network as the device's int8 file: calibrated on at most 2,000 of its training windows, deciding every <paramref name="hop"/> frames.</summary>
    public static byte[] Quantize(IClassifierModel network, WindowSet train, int hop, string name) =>
        PostTrainingQuantizer.Quantize(network, FixedPointEvaluation.Subsample(train, 2000), new QuantizationOptions
        {
            SampleRateMilliHz = (int)(MyoReadingsReader.SampleRate * 1000),
            HopSamples = hop,
            Labels = MyoReadingsReader.GestureNames,
            Name = name,
            Description = "myo-readings pseudo-online: trained on sessions 1-2, int8 post-training quantized",
        }).File;

    public static string Describe(StreamingResult r) =>
        "accuracy " + (r.Accuracy * 100).ToString("F1") + " %, normalised MCC " + r.NormalizedMcc.ToString("F3") + ", " + r.FalseActivationsPerMinute.ToString("F1") +
        " false activations/min at rest, onset latency " + r.MedianLatencyMs.ToString("F0") + " ms median / " + r.P90LatencyMs.ToString("F0") + " ms p90 (" + r.DetectedOnsets + "/" + r.Onsets + " onsets)";

    public static string DescribeDecision(GestureDecisionParameters d) =>
        "rest " + (d.HasRestClass ? d.RestClass.ToString() : "none") + ", min confidence " + d.MinConfidence + ", vote " + d.VoteLength + ", enter " + d.EnterHops +
        " / leave " + d.LeaveHops + " hops, envelope " + (d.GatesOnEnvelope ? d.EnvelopeOnLevel + "/" + d.EnvelopeOffLevel + " (shift " + d.EnvelopeShift + ")" : "off");
}
