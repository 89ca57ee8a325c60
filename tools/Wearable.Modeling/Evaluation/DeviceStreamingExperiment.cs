using Wearable.Kernels.Gesture;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.ModelFiles;
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

/// <summary>Which labels train the network and tune the decision (the report always scores both).</summary>
public enum LabelAlignment
{
    /// <summary>As recorded: a gesture's label starts at the prompt.</summary>
    Prompt,

    /// <summary>Realigned to the muscle onset (<see cref="MuscleOnsetReference"/>).</summary>
    Activity,
}

/// <param name="Int8">The int8 file on the device path, scored against the recorded (prompt) labels, latency from the prompt.</param>
/// <param name="Int8FromMuscleOnset">The same decisions scored against the activity-aligned labels, latency from the muscle onset.</param>
/// <param name="Onsets">The test session's prompted gestures with their muscle onsets.</param>
public sealed record DeviceStreamingPersonResult(
    string Participant, string TestSession, StreamingResult Float, StreamingResult Int8Argmax, StreamingResult Int8,
    GestureDecisionParameters? Decision, double TrainSeconds, byte[] ModelFile)
{
    public StreamingResult? Int8FromMuscleOnset { get; init; }

    public IReadOnlyList<GestureOnset> Onsets { get; init; } = [];
}

/// <summary>
/// myo-readings pseudo-online for the model the device runs: per participant the float network is
/// trained on sessions 1-2 (<see cref="MyoReadingsExperiment.Fit"/>), quantized to int8 with a hop of
/// <see cref="StreamingOptions.Hop"/> frames, given its gesture_decision section and replayed on session 3
/// through the shared ModelPipeline (<see cref="DeviceStreamingEvaluation"/>). Decision parameters
/// tuned on the other participants never see the reported one; <c>tunedOnAll</c> gets the setting
/// tuned on every participant, the one to give a new wearer.
/// </summary>
public static class DeviceStreamingExperiment
{
    public static IReadOnlyList<DeviceStreamingPersonResult> Run(
        MyoReadingsDataset data, MyoProtocolOptions options, StreamingOptions streaming, IReadOnlyList<string> participants,
        Func<IClassifierModel>? start, DecisionSource source, GestureDecisionParameters? given, Action<string>? log = null,
        LabelAlignment alignment = LabelAlignment.Prompt, Action<TunedDecision>? tunedOnAll = null, bool pretrainPooled = false, int calibrationRepetitions = 0, bool tuneEnvelopeGates = false)
    {
        if (source == DecisionSource.Given && given is null)
        {
            throw new ArgumentException("DecisionSource.Given needs the parameters.", nameof(given));
        }

        if (source == DecisionSource.TunedOnOthers && participants.Count < 2)
        {
            throw new ArgumentException("Tuning on the other participants needs at least two participants; got " + participants.Count + ".", nameof(participants));
        }

        Func<LabelledRecording, LabelledRecording>? relabel = alignment == LabelAlignment.Activity ? r => MuscleOnsetReference.AlignToActivity(r, streaming.RestLabel) : null;
        if (pretrainPooled && start is null)
        {
            // Every participant's training sessions, no test session: each wearer's model then starts from what holds across people.
            var pooled = MyoReadingsExperiment.PretrainPooled(data, participants, options, relabel);
            log?.Invoke("pre-trained on the training sessions of " + participants.Count + " participants (no test session)");
            start = () => ClassifierModels.Copy(pooled);
        }

        var fitted = new List<(string Participant, ParticipantFit Fit, StreamingResult Float, byte[] File, DecisionTrace Trace, IReadOnlyList<LabelledRecording> Test, IReadOnlyList<LabelledRecording> Aligned, IReadOnlyList<GestureOnset> Onsets, double? RestThreshold)>();
        foreach (string participant in participants)
        {
            if (MyoReadingsExperiment.Fit(data, participant, options, start?.Invoke(), relabel) is not ParticipantFit fit)
            {
                continue;
            }

            var test = data.Load(fit.TestSession);
            var onsets = test.Select(r => MuscleOnsetReference.Find(r, streaming.RestLabel)).ToList();
            var aligned = test.Select((r, i) => MuscleOnsetReference.AlignToActivity(r, onsets[i], streaming.RestLabel)).ToList();
            byte[] file;
            IClassifierModel network = fit.Network;
            double? restThreshold = null;
            if (calibrationRepetitions > 0)
            {
                // The band put on again for the test session: its first repetitions (rest then gesture, 10 s each
                // in every file) calibrate the model on the host, and only the rest of the session is scored.
                int frames = (int)(calibrationRepetitions * CalibrationRepetitionSeconds * MyoReadingsReader.SampleRate);
                LabelledRecording Head(LabelledRecording r) => MyoReadingsExperiment.Slice(r, 0, Math.Min(frames, r.Frames));
                LabelledRecording Tail(LabelledRecording r) => MyoReadingsExperiment.Slice(r, Math.Min(frames, r.Frames), r.Frames);
                var cued = alignment == LabelAlignment.Activity ? aligned : test;
                var windows = new WindowSet(MyoReadingsReader.Channels, network.InputLength, 1 << 12);
                foreach (var r in cued)
                {
                    windows.AddRecording(Head(r), options.TrainHop, options.StreamTrainingWindows);
                }

                restThreshold = RestThreshold(test.Select(Head), streaming.RestLabel);
                var calibrated = CalibrationAdaptation.Adapt(fit.Network, windows, new CalibrationOptions(), QuantizationFor(streaming.Hop, "gesture-myo-readings-" + participant + "-calibrated"));
                network = calibrated.Float;
                file = calibrated.Int8File;
                test = test.Select(Tail).ToList();
                aligned = aligned.Select(Tail).ToList();
                onsets = onsets.Select(o => (IReadOnlyList<GestureOnset>)o.Where(g => g.PromptFrame >= frames).ToList()).ToList();
                log?.Invoke(participant + ": calibrated on the first " + calibrationRepetitions + " repetition(s) of every file of session " + fit.TestSession.Session + " (" + windows.Count + " windows, band shift " + calibrated.Shift + ", rest threshold " + restThreshold?.ToString("F0") + " LSB)");
            }
            else
            {
                file = Quantize(fit.Network, fit.Train, streaming.Hop, "gesture-myo-readings-" + participant);
            }

            var floatResult = StreamingEvaluation.Run(network, test, new StreamingOptions { Hop = streaming.Hop, Vote = 1, RestLabel = streaming.RestLabel, ReleaseGraceSeconds = streaming.ReleaseGraceSeconds });
            var tuningRecordings = alignment == LabelAlignment.Activity ? aligned : test;
            fitted.Add((participant, fit, floatResult, file, DecisionTrace.Record(file, tuningRecordings, restThreshold), test, aligned, onsets.SelectMany(o => o).ToList(), restThreshold));
            log?.Invoke(participant + ": trained in " + fit.TrainSeconds.ToString("F0") + " s; float " + Describe(floatResult));
        }

        var table = source == DecisionSource.TunedOnOthers || tunedOnAll is not null ? DecisionTuning.Table.Score(fitted.Select(o => o.Trace).ToList(), streaming, tuneEnvelopeGates) : null;
        if (tunedOnAll is not null && table is not null)
        {
            // For a new wearer: every participant's traces, none held out (not a held-out figure).
            tunedOnAll(table.Best(Enumerable.Range(0, fitted.Count)));
        }

        var results = new List<DeviceStreamingPersonResult>();
        for (int index = 0; index < fitted.Count; index++)
        {
            var p = fitted[index];
            int held = index;
            GestureDecisionParameters? decision = source switch
            {
                DecisionSource.Given => given,
                DecisionSource.TunedOnOthers => table!.Best(Enumerable.Range(0, fitted.Count).Where(t => t != held)).For(p.RestThreshold),
                _ => null,
            };

            byte[] file = GestureDecisionSection.With(p.File, decision);
            var int8 = DeviceStreamingEvaluation.Run(file, p.Test, streaming);
            var fromOnset = DeviceStreamingEvaluation.Run(file, p.Aligned, streaming);
            var argmax = DeviceStreamingEvaluation.Run(GestureDecisionSection.With(file, null), p.Test, streaming);
            results.Add(new DeviceStreamingPersonResult(p.Participant, p.Fit.TestSession.Session, p.Float, argmax, int8, decision, p.Fit.TrainSeconds, file)
            {
                Int8FromMuscleOnset = fromOnset,
                Onsets = p.Onsets,
            });
            log?.Invoke(p.Participant + " (test session " + p.Fit.TestSession.Session + "): int8 argmax " + Describe(argmax) + "; int8 on the device path " + Describe(int8) +
                (decision is null ? string.Empty : " with " + DescribeDecision(decision)) + "; from the muscle onset " + Describe(fromOnset));
        }

        return results;
    }

    /// <summary>
    /// The wearer's muscle-activity threshold from calibration recordings (the median over them of
    /// <see cref="MuscleOnsetReference.Threshold"/>, LSB of the summed |sample| envelope the gate also
    /// uses); NaN when none has clean rest.
    /// </summary>
    public static double RestThreshold(IEnumerable<LabelledRecording> calibration, int restLabel)
    {
        var levels = calibration.Select(r => MuscleOnsetReference.Threshold(r, MuscleOnsetReference.Envelope(r), restLabel)).Where(t => !double.IsNaN(t)).Order().ToList();
        return levels.Count == 0 ? double.NaN : levels[levels.Count / 2];
    }

    /// <summary>One cued repetition in every myo-readings file: 5 s of rest, then 5 s of the file's gesture.</summary>
    public const double CalibrationRepetitionSeconds = 10;

    /// <summary>The float network as the device's int8 file: calibrated on at most 2,000 of its training windows, deciding every <paramref name="hop"/> frames.</summary>
    public static byte[] Quantize(IClassifierModel network, WindowSet train, int hop, string name) =>
        PostTrainingQuantizer.Quantize(network, FixedPointEvaluation.Subsample(train, 2000), QuantizationFor(hop, name)).File;

    private static QuantizationOptions QuantizationFor(int hop, string name) => new()
    {
        SampleRateMilliHz = (int)(MyoReadingsReader.SampleRate * 1000),
        HopSamples = hop,
        Labels = MyoReadingsReader.GestureNames,
        Name = name,
        Description = "myo-readings pseudo-online: trained on sessions 1-2, int8 post-training quantized",
    };

    public static string Describe(StreamingResult r) =>
        "accuracy " + (r.Accuracy * 100).ToString("F1") + " %, normalised MCC " + r.NormalizedMcc.ToString("F3") + ", " + r.FalseActivationsPerMinute.ToString("F1") +
        " false activations/min at rest, onset latency " + r.MedianLatencyMs.ToString("F0") + " ms median / " + r.P90LatencyMs.ToString("F0") + " ms p90 (" + r.DetectedOnsets + "/" + r.Onsets + " onsets)";

    public static string DescribeDecision(GestureDecisionParameters d) =>
        "rest " + (d.HasRestClass ? d.RestClass.ToString() : "none") + ", min confidence " + d.MinConfidence + ", vote " + d.VoteLength + ", enter " + d.EnterHops +
        " / leave " + d.LeaveHops + " hops, envelope " + (d.GatesOnEnvelope ? d.EnvelopeOnLevel + "/" + d.EnvelopeOffLevel + " (shift " + d.EnvelopeShift + ")" : "off") +
        ", refractory " + d.RefractoryHops + " hops";
}
