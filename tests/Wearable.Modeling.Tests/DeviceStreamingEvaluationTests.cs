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
    public void Calibrated_wearers_get_the_gate_tuned_as_a_multiple_of_their_own_rest_threshold()
    {
        var network = ClassifierModels.Create("conv:4:5,relu,maxpool:4", MyoArmbandProtocol.WindowLength, 8, 8, 1f / 32);
        network.Initialize(3);
        var calibration = new WindowSet(8, MyoArmbandProtocol.WindowLength, 256);
        calibration.AddRecording(Stream(1), 25, WindowLabelRule.LastFrame);
        byte[] file = DeviceStreamingExperiment.Quantize(network, calibration, 5, "test");
        var options = new StreamingOptions { Hop = 5 };

        // Two wearers whose rest levels differ by 4x: one absolute level cannot suit both, a multiple of each one's own can.
        var quiet = DecisionTrace.Record(file, [Stream(1)], restThreshold: 20);
        var loud = DecisionTrace.Record(file, [Stream(2)], restThreshold: 80);
        var tuned = DecisionTuning.Tune([quiet, loud], options);

        Assert.NotNull(tuned.EnvelopeMultiple);
        Assert.Contains(tuned.EnvelopeMultiple!.Value, DecisionTuning.RelativeEnvelopeLevels);
        Assert.Equal(0, tuned.Parameters.EnvelopeOnLevel); // the template: the gate is set per wearer
        var forQuiet = tuned.For(20);
        var forLoud = tuned.For(80);
        Assert.Equal((int)Math.Round(tuned.EnvelopeMultiple.Value * 20), forQuiet.EnvelopeOnLevel);
        Assert.Equal((int)Math.Round(tuned.EnvelopeMultiple.Value * 80), forLoud.EnvelopeOnLevel);
        Assert.Equal(forQuiet.EnvelopeOnLevel * 3 / 4, forQuiet.EnvelopeOffLevel);

        // Without a calibration the tuner keeps absolute levels, as before.
        var absolute = DecisionTuning.Tune([DecisionTrace.Record(file, [Stream(1)])], options);
        Assert.Null(absolute.EnvelopeMultiple);
        Assert.Same(absolute.Parameters, absolute.For(50));
    }
}
