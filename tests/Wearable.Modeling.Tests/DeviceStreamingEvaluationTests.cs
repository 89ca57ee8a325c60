using Wearable.Kernels.Gesture;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.ModelFiles;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Tests;

/// <summary>The device-path replay (ModelPipeline with the file's gesture_decision) and the tuner's trace replay agree decision for decision.</summary>
public class DeviceStreamingEvaluationTests
{
    private static LabelledRecording Stream(int seed)
    {
        var random = new Random(seed);
        const int Frames = 3000, Channels = 8;
        var samples = new short[Frames * Channels];
        var labels = new int[Frames];
        for (int n = 0; n < Frames; n++)
        {
            int segment = n / 250;
            labels[n] = segment % 2 == 0 ? 0 : 1 + (segment / 2 % 7);
            int amplitude = labels[n] == 0 ? 3 : 40;
            for (int c = 0; c < Channels; c++)
            {
                int bias = labels[n] != 0 && c == labels[n] ? 30 : 0;
                samples[(n * Channels) + c] = (short)(random.Next(-amplitude, amplitude + 1) + bias);
            }
        }

        return LabelledRecording.FromInt16("synthetic-" + seed, "p", "3", LabelledRecording.NumberedChannels(Channels), 200, "adc", samples, labels);
    }

    [Fact]
    public void Trace_replay_equals_the_model_file_run_with_its_decision_section()
    {
        var recordings = new[] { Stream(1), Stream(2) };
        var network = ClassifierModels.Create("conv:4:5,relu,maxpool:4", MyoArmbandProtocol.WindowLength, 8, 8, 1f / 32);
        network.Initialize(3);
        var calibration = new WindowSet(8, MyoArmbandProtocol.WindowLength, 256);
        calibration.AddRecording(recordings[0], 25, WindowLabelRule.LastFrame);
        byte[] file = DeviceStreamingExperiment.Quantize(network, calibration, 5, "test");
        var options = new StreamingOptions { Hop = 5 };
        var trace = DecisionTrace.Record(file, recordings);

        var argmax = DeviceStreamingEvaluation.Run(file, recordings, options);
        Assert.Equal(argmax.Confusion, trace.Replay(null, options).Confusion);
        Assert.Equal((3000 - MyoArmbandProtocol.WindowLength) / 5 * 2 + 2, argmax.Decisions);

        var gated = new GestureDecisionParameters(0, 0, 3, 2, 1, 3, 60, 45);
        var device = DeviceStreamingEvaluation.Run(GestureDecisionSection.With(file, gated), recordings, options);
        var replay = trace.Replay(gated, options);
        Assert.Equal(device.Confusion, replay.Confusion);
        Assert.Equal(device.LatenciesMs, replay.LatenciesMs);
        Assert.Equal(device.FalseActivations, replay.FalseActivations);
        Assert.NotEqual(argmax.Confusion, device.Confusion); // the section changed the decisions
    }

    [Fact]
    public void Calibrated_wearers_may_get_the_gate_as_a_multiple_of_their_own_rest_threshold()
    {
        byte[] file = TinyModelFile();
        var options = new StreamingOptions { Hop = 5 };
        int absolute = DecisionTuning.Grid(0, envelopeGates: true).Count();
        int ungated = DecisionTuning.Grid(0).Count();
        Assert.Equal(ungated, DecisionTuning.Grid(0, envelopeGates: true).Count(p => p.EnvelopeOnLevel == 0));
        Assert.All(DecisionTuning.Grid(0), p => Assert.False(p.GatesOnEnvelope)); // gates are tried only when asked

        // Two wearers whose rest levels differ by 4x: one absolute level cannot suit both, a multiple of each one's own can.
        var quiet = DecisionTrace.Record(file, [Stream(1)], restThreshold: 20);
        var loud = DecisionTrace.Record(file, [Stream(2)], restThreshold: 80);
        Assert.Equal(absolute + (ungated * DecisionTuning.RelativeEnvelopeLevels.Length), DecisionTuning.Table.Score([quiet, loud], options, envelopeGates: true).Settings);
        Assert.Equal(absolute, DecisionTuning.Table.Score([DecisionTrace.Record(file, [Stream(1)])], options, envelopeGates: true).Settings); // not calibrated: absolute levels only
        Assert.Equal(ungated, DecisionTuning.Table.Score([quiet, loud], options).Settings);

        var template = new GestureDecisionParameters(0, 0, 1, 2, 3, 3, 0, 0, 40);
        var relative = new TunedDecision(template, quiet.Replay(template, options), 0, EnvelopeMultiple: 1.5);
        Assert.Equal((30, 22, 40), (relative.For(20).EnvelopeOnLevel, relative.For(20).EnvelopeOffLevel, relative.For(20).RefractoryHops));
        Assert.Equal(120, relative.For(80).EnvelopeOnLevel);
        var fixedGate = new TunedDecision(template, quiet.Replay(template, options), 0);
        Assert.Same(template, fixedGate.For(80));
    }

    [Fact]
    public void Pooled_per_trace_results_equal_one_scorer_over_all_traces()
    {
        byte[] file = TinyModelFile();
        var options = new StreamingOptions { Hop = 5 };
        var traces = new[] { DecisionTrace.Record(file, [Stream(1)]), DecisionTrace.Record(file, [Stream(2)]), DecisionTrace.Record(file, [Stream(3)]) };
        var setting = new GestureDecisionParameters(0, 0, 3, 2, 1, 3, 60, 45, 20);

        var scorer = new StreamScorer(traces[0].ModelClasses, options.RestLabel, options.ReleaseGraceSeconds);
        foreach (var trace in traces)
        {
            trace.Replay(setting, scorer);
        }

        var together = scorer.Result();
        var pooled = StreamingResult.Pool(traces.Select(t => t.Replay(setting, options)).ToList());
        Assert.Equal(together.Confusion, pooled.Confusion);
        Assert.Equal(together.LatenciesMs, pooled.LatenciesMs);
        Assert.Equal((together.FalseActivations, together.Onsets, together.DetectedOnsets, together.Decisions), (pooled.FalseActivations, pooled.Onsets, pooled.DetectedOnsets, pooled.Decisions));
        Assert.Equal(together.RestMinutes, pooled.RestMinutes, 9);
        Assert.Equal(together.NormalizedMcc, pooled.NormalizedMcc, 12);
        Assert.Equal(together.MedianLatencyMs, pooled.MedianLatencyMs);

        // Leave-one-out tuning from the table equals tuning on the two traces alone.
        var table = DecisionTuning.Table.Score(traces, options, envelopeGates: true);
        var fromTable = table.Best([0, 2]);
        var direct = DecisionTuning.Tune([traces[0], traces[2]], options, envelopeGates: true);
        Assert.Equal(direct.Objective, fromTable.Objective, 12);
        Assert.Equal(GestureDecisionFile.ToJson(direct.Parameters), GestureDecisionFile.ToJson(fromTable.Parameters));
    }

    [Fact]
    public void The_setting_chosen_is_the_one_whose_worst_tuning_trace_scores_best()
    {
        byte[] file = TinyModelFile();
        var options = new StreamingOptions { Hop = 5 };
        var traces = new[] { DecisionTrace.Record(file, [Stream(1)]), DecisionTrace.Record(file, [Stream(2)]), DecisionTrace.Record(file, [Stream(3)]) };
        var table = DecisionTuning.Table.Score(traces, options, envelopeGates: true);
        int[] tuning = [0, 1, 2];
        var worstPerSetting = Enumerable.Range(0, table.Settings).Select(i => tuning.Min(t => DecisionTuning.Objective(table.Result(i, t)))).ToList();
        var best = table.Best(tuning);
        Assert.Equal(worstPerSetting.Max(), best.Objective, 12);

        // The settings do not all score alike on these traces, so the choice is not vacuous.
        Assert.True(worstPerSetting.Max() > worstPerSetting.Min());
    }

    [Fact]
    public void The_objective_charges_false_activations_above_half_a_minute_and_latency_above_190_ms()
    {
        var confusion = new int[2, 2] { { 10, 0 }, { 0, 10 } };
        StreamingResult Result(double falsePerMinute, double medianMs) => new(20, 1, 1, 1, falsePerMinute, 1, 1, 1, medianMs, medianMs, confusion);
        Assert.Equal(1.0, DecisionTuning.Objective(Result(0.5, 190)), 12);
        Assert.Equal(1.0 - 0.1, DecisionTuning.Objective(Result(1.0, 190)), 12);
        Assert.Equal(1.0 - 0.03, DecisionTuning.Objective(Result(0.5, 200)), 12);
        Assert.Equal(1.0, DecisionTuning.Objective(Result(double.NaN, double.NaN)), 12); // no rest time, no onset found: the MCC alone
    }

    private static byte[] TinyModelFile()
    {
        var network = ClassifierModels.Create("conv:4:5,relu,maxpool:4", MyoArmbandProtocol.WindowLength, 8, 8, 1f / 32);
        network.Initialize(3);
        var calibration = new WindowSet(8, MyoArmbandProtocol.WindowLength, 256);
        calibration.AddRecording(Stream(1), 25, WindowLabelRule.LastFrame);
        return DeviceStreamingExperiment.Quantize(network, calibration, 5, "test");
    }
}
