using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Simulation;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Tests;

/// <summary>The fine-tuning aids: augmentation of a window, rehearsal with other people's windows, frozen layers.</summary>
public sealed class FineTuningTests
{
    private const int Channels = 8;
    private const int Length = 4;

    /// <summary>One window whose value is 10 x channel + 100 x frame, so every moved value says where it came from.</summary>
    private static WindowSet Ramp(string person = "p", int windows = 1)
    {
        var set = new WindowSet(Channels, Length, windows);
        for (int w = 0; w < windows; w++)
        {
            var samples = new short[Length * Channels];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = (short)((10 * (i % Channels)) + (100 * (i / Channels)) + w);
            }

            set.AddRecording(LabelledRecording.FromInt16("r", person, "s", LabelledRecording.NumberedChannels(Channels), 200, "adc", samples, segmentLabel: w % 7), Length);
        }

        return set;
    }

    [Fact]
    public void Augmenter_without_options_copies_the_window_and_is_disabled()
    {
        var set = Ramp();
        var augmenter = new WindowAugmenter(new TrainingOptions(), Channels);
        var output = new float[set.WindowSize];
        augmenter.Apply(set, 0, output, new Pcg32(1));
        Assert.False(augmenter.Enabled);
        Assert.Equal(set.Data.Take(set.WindowSize), output);
    }

    [Fact]
    public void Fractional_rotation_mixes_each_electrode_with_one_neighbour_by_at_most_the_jitter()
    {
        var set = Ramp();
        var augmenter = new WindowAugmenter(new TrainingOptions { RotationJitter = 0.4 }, Channels);
        var output = new float[set.WindowSize];
        bool sawLeft = false, sawRight = false;
        for (ulong seed = 1; seed < 40; seed++)
        {
            augmenter.Apply(set, 0, output, new Pcg32(seed));

            // Channel 3 of frame 0 is 30; its neighbours are 20 and 40. A displacement f mixes in one of them.
            float v = output[3];
            Assert.InRange(v, 30 - (0.4f * 10) - 1e-4f, 30 + (0.4f * 10) + 1e-4f);
            sawLeft |= v < 30;
            sawRight |= v > 30;

            // The same displacement applies to every frame and electrode (frame 2, electrode 5: 250 +- f x 10).
            Assert.Equal(v - 30, output[(2 * Channels) + 5] - 250, 3);
        }

        Assert.True(sawLeft && sawRight, "the band moves both ways");
    }

    [Fact]
    public void Per_electrode_gain_scales_channels_independently_within_the_bound()
    {
        var set = Ramp();
        var augmenter = new WindowAugmenter(new TrainingOptions { ChannelGainJitter = 0.2 }, Channels);
        var output = new float[set.WindowSize];
        augmenter.Apply(set, 0, output, new Pcg32(7));
        var gains = Enumerable.Range(1, Channels - 1).Select(c => output[(3 * Channels) + c] / set.Data[(3 * Channels) + c]).ToArray();
        Assert.All(gains, g => Assert.InRange(g, 0.8f, 1.2f));
        Assert.True(gains.Distinct().Count() > 1, "gains differ between electrodes");
    }

    [Fact]
    public void Rehearsal_keeps_the_persons_windows_first_and_adds_the_requested_share_of_others()
    {
        var own = Ramp("Male0", 10);
        var others = Ramp("Other", 50);
        var mixed = SessionTraining.WithRehearsal(own, others, 0.5, 3, "Male0");
        Assert.Equal(15, mixed.Count);
        Assert.All(Enumerable.Range(0, 10), w => Assert.Equal("Male0", mixed.Person(w)));
        Assert.All(Enumerable.Range(10, 5), w => Assert.Equal("Other", mixed.Person(w)));
        Assert.Equal(mixed.Data.Take(mixed.WindowSize * 15), SessionTraining.WithRehearsal(own, others, 0.5, 3, "Male0").Data.Take(mixed.WindowSize * 15));
    }

    [Fact]
    public void Frozen_layers_keep_their_weights_while_the_rest_learn()
    {
        var network = new Network("conv:4:2,relu,dw:2,relu,gap", Length, Channels, 7, 0.05f);
        network.Initialize(2);
        var before = network.Snapshot();
        Trainer.Fit(network, Ramp("p", 14), null, new TrainingOptions { MaxEpochs = 2, FrozenLayers = 1 });
        var after = network.Snapshot();
        Assert.Equal(before[0], after[0]); // conv weights
        Assert.Equal(before[1], after[1]); // conv bias
        Assert.NotEqual(before[2], after[2]); // depthwise weights learn
    }
}
