using Wearable.Kernels.Dsp;
using Wearable.Kernels.Model;
using Wearable.Kernels.Spiking;
using Wearable.Modeling.ModelFiles;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Model;

/// <summary>The front end, spiking stack and samples-to-decision pipeline built from model files.</summary>
public class PipelineTests
{
    private static short[] Signal(int frames, int channels, int seed)
    {
        var random = new Random(seed);
        var samples = new short[frames * channels];
        for (int n = 0; n < frames; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                double burst = (n / 500) % 2 == 0 ? 1.0 : 0.2;
                double v = burst * (3000 + 400 * c) * (random.NextDouble() * 2 - 1) + 800 * Math.Sin(2 * Math.PI * 50 * n / 2000.0);
                samples[n * channels + c] = (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
            }
        }

        return samples;
    }

    [Fact]
    public void Front_end_equals_the_Dsp_kernels_composed_by_hand()
    {
        ModelDefinition model = ModelReader.Read(ExampleModels.RandomEmgCnn());
        FrontEndConfig fe = model.FrontEnd!;
        var pipeline = new FrontEndPipeline(fe);
        int ch = fe.Channels;
        var filter = new BiquadCascade(new BiquadCascadeParameters(fe.FilterStages, fe.GuardBits), ch);
        var envelope = new EnvelopeDetector(new BiquadCascadeParameters(fe.EnvelopeStages, fe.GuardBits), ch);
        var features = new WindowFeatures(new WindowFeaturesParameters(fe.FeatureWindow, fe.FeatureHop, fe.ZeroCrossingThreshold, fe.SlopeSignChangeThreshold), ch);
        short[] x = Signal(3000, ch, 1);
        var frame = new int[ch];
        var all = new int[ch * WindowFeatures.FeaturesPerChannel];
        int outputs = 0;
        for (int n = 0; n < 3000; n++)
        {
            // As EmgFrontEnd: features read the filtered signal; the envelope is the sample stream.
            filter.ProcessFrames(x, n * ch, frame, 0, 1);
            bool due = features.PushFrame(frame, 0);
            envelope.ProcessFrames(frame, 0, frame, 0, 1);
            Assert.Equal(due, pipeline.Push(x, n * ch));
            if (due)
            {
                outputs++;
                features.WriteFeatures(all, 0);
                for (int c = 0; c < ch; c++)
                {
                    Assert.Equal(all[c * WindowFeatures.FeaturesPerChannel], pipeline.Outputs[c]); // MAV only
                }
            }
        }

        Assert.True(outputs > 100);
        Assert.Contains(pipeline.Outputs, v => v != 0);
    }

    [Fact]
    public void Samples_to_decisions_runs_every_hop_once_the_window_is_full_without_allocating()
    {
        ModelDefinition model = ModelReader.Read(ExampleModels.RandomEmgCnn());
        var pipeline = new ModelPipeline(model);
        int ch = model.Input.Channels;
        short[] x = Signal(6000, ch, 2);
        int decisions = 0;
        var seen = new HashSet<int>();
        for (int n = 0; n < 6000; n++)
        {
            if (pipeline.Push(x, n * ch))
            {
                decisions++;
                seen.Add(pipeline.Decision);
            }
        }

        // The window needs 32 feature frames (50 + 31 x 25 = 825 samples), then one decision per 100 samples.
        Assert.InRange(decisions, (6000 - 825) / 100, (6000 - 825) / 100 + 1);
        Assert.All(seen, d => Assert.InRange(d, 0, 5));
        int i = 0;
        AllocationAssert.ZeroBytes(() => { pipeline.Push(x, (i++ % 6000) * ch); }, 5000, what: "ModelPipeline.Push");
    }

    [Fact]
    public void Encoder_spikes_drive_the_spiking_layers_and_decide_every_hop()
    {
        var fixture = ModelFixtures.AllOps();
        var builder = new ModelFileBuilder { Input = fixture.Input, FrontEnd = fixture.FrontEnd };
        builder.FrontEnd!.CnnInputQuantTable = -1;
        builder.SpikingLayers.Add(fixture.SpikingLayers[0]);
        builder.SpikingLayers.Add(new SpikingLayerRecord
        {
            Kind = SpikingLayerRecord.KindLif, StateFracBits = 14, WeightFracBits = 6, Inputs = 5, Neurons = 3, DecayU = 500, Threshold = 1 << 12,
            Blocks = new[] { new SpikingWeightBlock { Id = 0, ElementBits = 8, Rows = 5, Cols = 3, Values8 = new sbyte[] { 90, -20, 40, 10, 70, -30, 60, 60, 60, -10, 20, 80, 30, 30, 30 } } },
        });
        var pipeline = new ModelPipeline(ModelReader.Read(builder.Build()));
        Assert.Null(pipeline.Runner);
        Assert.NotNull(pipeline.Spiking);
        short[] x = Signal(2000, 4, 3);
        int decisions = 0;
        for (int n = 0; n < 2000; n++)
        {
            decisions += pipeline.Push(x, n * 4) ? 1 : 0;
        }

        Assert.Equal(2000 / builder.Input.HopSamples, decisions);
        int i = 0;
        AllocationAssert.ZeroBytes(() => { pipeline.Push(x, (i++ % 2000) * 4); }, 2000, what: "ModelPipeline.Push (spiking)");
    }

    [Fact]
    public void Encoder_and_first_spiking_layer_must_agree_on_the_spike_trains()
    {
        var c = ModelFixtures.AllOps();
        c.SpikingLayers[0].Inputs = 6;
        c.SpikingLayers[0].Blocks[0] = new SpikingWeightBlock { Id = 0, ElementBits = 8, Rows = 6, Cols = 5, Values8 = new sbyte[30] };
        Assert.Equal("spiking.layer[0].inputs", Assert.Throws<ModelFormatException>(() => ModelReader.Read(c.Build())).Field);
    }

    [Fact]
    public void Spiking_stack_equals_the_populations_stepped_by_hand()
    {
        var builder = ModelFixtures.AllOps();
        builder.SpikingLayers.RemoveAt(1); // the L2MU layer is carried but not executed
        builder.SpikingLayers.Add(new SpikingLayerRecord
        {
            Kind = SpikingLayerRecord.KindLif, StateFracBits = 14, WeightFracBits = 6, Inputs = 5, Neurons = 3, DecayU = 500, Threshold = 1 << 13,
            Blocks = new[] { new SpikingWeightBlock { Id = 0, ElementBits = 8, Rows = 5, Cols = 3, Values8 = new sbyte[] { 90, -20, 40, 10, 70, -30, 60, 60, 60, -10, 20, 80, 30, 30, 30 } } },
        });
        SpikingLayerRecord[] layers = ModelReader.Read(builder.Build()).SpikingLayers;
        var stack = new SpikingStack(layers);

        var l0 = layers[0];
        var w0 = new FanOutWeights(8, 5, l0.Find(0)!.Values8, 6);
        var p0 = new CuBaLifParameters(5, 14, 6, new[] { 1024, 1000, 0, 4096, 2048 }, new[] { 2048 }, l0.Find(5)!.Values32, ResetMode.Subtract, new[] { 1, -2, 3, -4, 5 }).CreatePopulation();
        var w1 = new FanOutWeights(5, 3, layers[1].Find(0)!.Values8, 6);
        var p1 = new LifParameters(3, 14, 6, new[] { 500 }, new[] { 1 << 13 }, ResetMode.Subtract, null).CreatePopulation();
        var counts = new int[3];
        var random = new Random(4);
        var active = new int[8];
        for (int step = 0; step < 400; step++)
        {
            int n = 0;
            for (int j = 0; j < 8; j++)
            {
                if (random.Next(3) == 0)
                {
                    active[n++] = j;
                }
            }

            stack.Step(active, n);
            p0.AddSpikes(w0, active, n);
            p0.Step();
            p1.AddSpikes(w1, p0.ActiveIndices, p0.ActiveCount);
            p1.Step();
            for (int k = 0; k < p1.ActiveCount; k++)
            {
                counts[p1.ActiveIndices[k]]++;
            }
        }

        Assert.Equal(counts, stack.Counts);
        Assert.True(counts.Sum() > 0, "the stack should spike");
        var none = new int[0];
        AllocationAssert.ZeroBytes(() => stack.Step(active, 3), 1000, what: "SpikingStack.Step");
    }
}
