using Wearable.Modeling.Datasets;
using Wearable.Modeling.Simulation;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Tests;

public sealed class SpikingNetworkTests
{
    private static WindowSet LoudChannelTask(int count, ulong seed)
    {
        // Class k is louder on channel k: the rectified ON/OFF input makes that a spike-rate difference.
        var random = new Pcg32(seed);
        var set = new WindowSet(4, 20, count);
        for (int i = 0; i < count; i++)
        {
            int label = i % 4;
            var samples = new short[20 * 4];
            for (int n = 0; n < samples.Length; n++)
            {
                samples[n] = (short)Math.Round((n % 4 == label ? 40 : 6) * random.NextGaussian());
            }

            set.AddRecording(LabelledRecording.FromInt16("r", "p", "s", LabelledRecording.NumberedChannels(4), 200, "adc", samples, segmentLabel: label), 20);
        }

        return set;
    }

    [Fact]
    public void Readout_gradients_match_numerical_ones_with_the_spike_trains_held_fixed()
    {
        // Perturbing readout weights never changes a spike, so there the loss is smooth and the
        // analytic BPTT gradient of the leaky readout must match finite differences exactly.
        var net = new SpikingNetwork("cuba:12", 20, 4, 4, 0.05f);
        net.Initialize(2);
        var data = LoudChannelTask(1, 3);
        net.Learn(data.Data, 0, 1, out _);
        Assert.True(net.LastSpikeRate > 0, "the initialization must make some neurons spike");
        var readout = net.Parameters.Where(p => p.Name.StartsWith("readout", StringComparison.Ordinal)).ToArray();
        foreach (var p in readout)
        {
            var analytic = (float[])p.Gradients.Clone();
            for (int i = 0; i < p.Values.Length; i += 5)
            {
                float original = p.Values[i];
                p.Values[i] = original + 1e-2f;
                double up = Loss(net, data);
                p.Values[i] = original - 1e-2f;
                double down = Loss(net, data);
                p.Values[i] = original;
                double numeric = (up - down) / 2e-2;
                Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-3 + (0.02 * Math.Abs(numeric)), p.Name + "[" + i + "]: " + analytic[i] + " vs " + numeric);
            }
        }

        static double Loss(SpikingNetwork n, WindowSet d)
        {
            float[] logits = n.Forward(d.Data, 0);
            double max = logits.Max();
            return Math.Log(logits.Sum(v => Math.Exp(v - max))) - (logits[1] - max);
        }
    }

    [Fact]
    public void Surrogate_gradient_training_learns_a_spike_rate_task_for_lif_and_cuba()
    {
        var train = LoudChannelTask(160, 4);
        var test = LoudChannelTask(80, 5);
        foreach (string spec in new[] { "lif:16", "cuba:16:0.9:0.7" })
        {
            var net = new SpikingNetwork(spec, 20, 4, 4, 0.05f);
            net.Initialize(1);
            double before = Trainer.Evaluate(net, test).Accuracy;
            Trainer.Fit(net, train, null, new TrainingOptions { MaxEpochs = 12, BatchSize = 16, LearningRate = 5e-3 });
            double after = Trainer.Evaluate(net, test).Accuracy;
            Assert.True(after > 0.9 && after > before, spec + ": " + before + " -> " + after);
        }
    }

    [Fact]
    public void Spiking_training_is_deterministic_and_specs_are_validated()
    {
        var data = LoudChannelTask(32, 6);
        float[] Run()
        {
            var net = ClassifierModels.Create("cuba:8,lif:6", 20, 4, 4, 0.05f);
            net.Initialize(7);
            Trainer.Fit(net, data, null, new TrainingOptions { MaxEpochs = 2, BatchSize = 8 });
            return net.Snapshot().SelectMany(x => x).ToArray();
        }

        Assert.Equal(Run(), Run());
        Assert.IsType<SpikingNetwork>(ClassifierModels.Create("lif:4", 20, 4, 4, 1));
        Assert.Throws<ArgumentException>(() => new SpikingNetwork("lif:4:1.5", 20, 4, 4, 1));
        Assert.Throws<ArgumentException>(() => new SpikingNetwork("lif:x", 20, 4, 4, 1));
    }
}

public sealed class EnsembleModelTests
{
    [Fact]
    public void Cnn_plus_spiking_ensemble_trains_saves_and_reloads_to_the_same_predictions()
    {
        var random = new Pcg32(21);
        var set = new WindowSet(4, 20, 200);
        for (int i = 0; i < 200; i++)
        {
            int label = i % 4;
            var samples = new short[80];
            for (int n = 0; n < samples.Length; n++)
            {
                samples[n] = (short)Math.Round((n % 4 == label ? 40 : 6) * random.NextGaussian());
            }

            set.AddRecording(LabelledRecording.FromInt16("r", "p", "s", LabelledRecording.NumberedChannels(4), 200, "adc", samples, segmentLabel: label), 20);
        }

        var model = ClassifierModels.Create("conv:4:3,relu,gap + lif:12", 20, 4, 4, 0.05f);
        var ensemble = Assert.IsType<EnsembleModel>(model);
        Assert.IsType<Network>(ensemble.Members[0]);
        Assert.IsType<SpikingNetwork>(ensemble.Members[1]);
        model.Initialize(3);
        Trainer.Fit(model, set, null, new TrainingOptions { MaxEpochs = 10, BatchSize = 16, LearningRate = 5e-3 });
        Assert.True(Trainer.Evaluate(model, set).Accuracy > 0.9);

        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "e.json");
        NetworkFile.Save(model, path);
        var loaded = NetworkFile.Load(path);
        Assert.Equal(model.Spec, loaded.Spec);
        for (int w = 0; w < 20; w++)
        {
            Assert.Equal(model.Forward(set.Data, w * set.WindowSize), loaded.Forward(set.Data, w * set.WindowSize));
        }
    }
}
