using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Simulation;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Tests;

/// <summary>
/// Calibration for a new user or a re-worn band: the first-N-cycles selection, the band rotation and
/// its folding into a model, the alignment recovering a known rotation, level matching, and adaptation.
/// Synthetic data: each class lights up its own electrode (plus a weaker neighbour, so the pattern has
/// a direction around the band), 8 electrodes, 16-sample windows.
/// </summary>
public sealed class CalibrationTests
{
    private const int Channels = 8;
    private const int Length = 16;
    private const int Classes = 4;

    private static WindowSet Synthetic(int perClass, ulong seed, double level = 20)
    {
        var random = Pcg32.For(seed, "calibration test");
        var set = new WindowSet(Channels, Length);
        for (int k = 0; k < Classes; k++)
        {
            var samples = new float[perClass * Length * Channels];
            for (int f = 0; f < perClass * Length; f++)
            {
                for (int c = 0; c < Channels; c++)
                {
                    double amplitude = c == 2 * k ? 1.0 : c == (2 * k) + 1 ? 0.4 : 0.05;
                    samples[(f * Channels) + c] = (float)(level * amplitude * ((2 * random.NextDouble()) - 1));
                }
            }

            var recording = LabelledRecording.FromFloat("synthetic", "p", "s", LabelledRecording.NumberedChannels(Channels), 200, "adc", samples, null, segmentLabel: k);
            set.AddRecording(recording, Length);
        }

        return set;
    }

    private static Network Trained(WindowSet train)
    {
        var network = new Network("conv:8:3,relu,gap", Length, Channels, Classes, 1f / 32);
        network.Initialize(3);
        Trainer.Fit(network, train, null, new TrainingOptions { MaxEpochs = 30, Seed = 3, LearningRate = 5e-3 });
        network.SetTraining(null);
        return network;
    }

    private static float[] Used(WindowSet set) => set.Data[..(set.Count * set.WindowSize)];

    private static QuantizationOptions Quantization() => new() { SampleRateMilliHz = 200_000, HopSamples = 4, Labels = ["a", "b", "c", "d"] };

    [Fact]
    public void First_cycles_are_the_first_n_repetitions_of_each_gesture_in_recording_order()
    {
        var session = Enumerable.Range(0, 28)
            .Select(i => LabelledRecording.FromInt16("classe_" + i + ".dat", "p", "training0", LabelledRecording.NumberedChannels(8), 200, "adc", new short[8 * 60], segmentLabel: i % 7))
            .ToList();

        var two = CalibrationRepetitions.FirstCycles(session, 2);

        Assert.Equal(session.Take(14).Select(r => r.Source), two.Select(r => r.Source));
        Assert.Equal(28, CalibrationRepetitions.FirstCycles(session, 4).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationRepetitions.FirstCycles(session, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalibrationRepetitions.FirstCycles(session, 0));

        var shuffled = session.Skip(1).Append(session[0]).ToList();
        Assert.Throws<DatasetFormatException>(() => CalibrationRepetitions.FirstCycles(shuffled, 1));
    }

    [Fact]
    public void Cue_texts_name_model_classes_ignoring_case_and_rest_names_neutral()
    {
        string[] myo = MyoArmbandDatReader.GestureNames;
        Assert.Equal(5, CalibrationRecording.ClassIndex(myo, "Hand Close"));
        Assert.Equal(0, CalibrationRecording.ClassIndex(myo, "rest"));
        Assert.Equal(-1, CalibrationRecording.ClassIndex(myo, "fist"));
        Assert.Equal(-1, CalibrationRecording.ClassIndex(["open", "close"], "rest"));
    }

    [Fact]
    public void Rotating_moves_each_channel_to_the_next_electrode_and_back()
    {
        var windows = Synthetic(1, 1);
        var once = BandRotation.Rotate(windows, 1);

        for (int c = 0; c < Channels; c++)
        {
            Assert.Equal(windows.Data[c], once.Data[(c + 1) % Channels]);
        }

        Assert.Equal(Used(windows), Used(BandRotation.Rotate(once, -1)));
        Assert.Equal(Used(windows), Used(BandRotation.Rotate(once, 7)));
        Assert.NotEqual(Used(windows), Used(once));
    }

    [Fact]
    public void A_folded_rotation_gives_the_model_on_rotated_input_from_raw_input()
    {
        var raw = Synthetic(3, 2);
        var model = Trained(Synthetic(20, 1));
        for (int shift = 1; shift < Channels; shift += 3)
        {
            var folded = BandRotation.FoldIntoInput(model, shift);
            var rotated = BandRotation.Rotate(raw, shift);
            for (int w = 0; w < raw.Count; w++)
            {
                float[] expected = (float[])model.Forward(rotated.Data, w * rotated.WindowSize).Clone();
                float[] actual = folded.Forward(raw.Data, w * raw.WindowSize);
                for (int k = 0; k < Classes; k++)
                {
                    Assert.Equal(expected[k], actual[k], 4);
                }
            }
        }
    }

    [Fact]
    public void Alignment_recovers_a_known_rotation_of_the_calibration()
    {
        var model = Trained(Synthetic(20, 1));
        var calibration = Synthetic(4, 9);
        Assert.Equal(0, BandAlignment.Estimate(model, calibration).Shift);

        foreach (int rotation in new[] { 1, 2, 3, 6 })
        {
            var worn = BandRotation.Rotate(calibration, rotation);
            var found = BandAlignment.Estimate(model, worn);

            Assert.Equal((Channels - rotation) % Channels, found.Shift);
            Assert.Equal(Channels, found.LogLikelihoods.Count);
            if (rotation % 2 == 0)
            {
                // An even shift puts one class's electrodes where another's were.
                Assert.True(Trainer.Evaluate(model, worn).Accuracy < 0.6, "the rotation should hurt before alignment");
            }

            Assert.True(Trainer.Evaluate(BandRotation.FoldIntoInput(model, found.Shift), worn).Accuracy > 0.95);
        }
    }

    [Fact]
    public void Level_matching_scales_to_the_reference_rms_and_the_int8_model_reads_raw_counts()
    {
        var model = Trained(Synthetic(20, 1, level: 20));
        var loud = Synthetic(6, 4, level: 2000); // another band: 100x the counts for the same muscles
        Assert.Equal(InputLevel.Rms(Synthetic(6, 4, level: 20)) * 100, InputLevel.Rms(loud), 1);

        var options = new CalibrationOptions { Method = CalibrationMethod.None, Align = false, ReferenceRms = InputLevel.Rms(Synthetic(20, 1, level: 20)) };
        var calibrated = CalibrationAdaptation.Adapt(model, loud, options, Quantization());

        Assert.InRange(calibrated.Gain, 0.008, 0.012);
        Assert.Equal(InputLevel.Rms(loud) * calibrated.Gain, options.ReferenceRms!.Value, 3);
        Assert.True(calibrated.Int8Accuracy(loud) > 0.95, "int8 " + calibrated.Int8Accuracy(loud));
        var unmatched = CalibrationAdaptation.Adapt(model, loud, new CalibrationOptions { Method = CalibrationMethod.None, Align = false }, Quantization());
        Assert.Equal(1, unmatched.Gain);
    }

    [Fact]
    public void Last_layer_calibration_changes_only_the_classifier_and_full_changes_every_layer()
    {
        var model = Trained(Synthetic(20, 1));
        var newUser = Synthetic(3, 5, level: 35);
        var before = model.Snapshot();
        var training = new TrainingOptions { MaxEpochs = 3, Seed = 1, LearningRate = 5e-3 };

        var last = CalibrationAdaptation.Adapt(model, newUser, new CalibrationOptions { Method = CalibrationMethod.LastLayer, Align = false, Training = training }, Quantization());
        var full = CalibrationAdaptation.Adapt(model, newUser, new CalibrationOptions { Method = CalibrationMethod.Full, Align = false, Training = training }, Quantization());

        var lastWeights = last.Float.Snapshot();
        var fullWeights = full.Float.Snapshot();
        Assert.Equal(before[0], lastWeights[0]); // conv weights kept
        Assert.NotEqual(before[^2], lastWeights[^2]); // dense weights learned
        Assert.NotEqual(before[0], fullWeights[0]);
        Assert.Equal(before[0], model.Snapshot()[0]); // the pre-trained model itself is untouched
        Assert.Equal(3, last.Fit!.Epochs);

        var file = ModelReader.Read(full.Int8File);
        Assert.Equal(Channels, file.Input.Channels);
        Assert.True(full.Int8Accuracy(newUser) > 0.9);
    }
}
