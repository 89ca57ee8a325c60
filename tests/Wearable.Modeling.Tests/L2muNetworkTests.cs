using Wearable.Modeling.Datasets;
using Wearable.Modeling.Simulation;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Tests;

public sealed class L2muNetworkTests
{
    private const string TinySpec = "l2mu:4:3:12:8:8";

    /// <summary>Class k is louder on channel k: the delta encoder turns that into more spikes on 2k / 2k + 1.</summary>
    internal static WindowSet LoudChannelTask(int count, ulong seed, int length = 20)
    {
        var random = new Pcg32(seed);
        var set = new WindowSet(4, length, count);
        for (int i = 0; i < count; i++)
        {
            int label = i % 4;
            var samples = new short[length * 4];
            for (int n = 0; n < samples.Length; n++)
            {
                samples[n] = (short)Math.Round((n % 4 == label ? 40 : 6) * random.NextGaussian());
            }

            set.AddRecording(LabelledRecording.FromInt16("r", "p", "s", LabelledRecording.NumberedChannels(4), 200, "adc", samples, segmentLabel: label), length);
        }

        return set;
    }

    [Fact]
    public void Bptt_gradients_of_every_parameter_match_finite_differences_with_smooth_spikes_and_frozen_resets()
    {
        // With spikes replaced by the fast sigmoid (whose derivative is the surrogate) and the resets
        // held constant, the network is smooth and the surrogate BPTT gradient must be its exact gradient.
        var net = new L2muNetwork(TinySpec, 20, 4, 4, 1);
        net.Initialize(5);
        var data = LoudChannelTask(1, 3);
        net.SmoothSpikes = true;
        net.Forward(data.Data, 0);
        net.FreezeResets();
        foreach (var p in net.Parameters)
        {
            Array.Clear(p.Gradients);
        }

        net.Learn(data.Data, 0, 1, out _);
        int checkedCount = 0;
        foreach (var p in net.Parameters)
        {
            var analytic = (float[])p.Gradients.Clone();
            for (int i = 0; i < p.Values.Length; i += 7)
            {
                float original = p.Values[i];
                p.Values[i] = original + 1e-3f;
                double up = Loss(net, data);
                p.Values[i] = original - 1e-3f;
                double down = Loss(net, data);
                p.Values[i] = original;
                double numeric = (up - down) / 2e-3;
                Assert.True(Math.Abs(numeric - analytic[i]) <= 2e-4 + (0.03 * Math.Abs(numeric)), p.Name + "[" + i + "]: analytic " + analytic[i] + " vs numeric " + numeric);
                checkedCount += Math.Abs(numeric) > 1e-4 ? 1 : 0;
            }
        }

        Assert.True(checkedCount > 20, "too few non-trivial gradients were compared: " + checkedCount);

        static double Loss(L2muNetwork n, WindowSet d)
        {
            float[] logits = n.Forward(d.Data, 0);
            double max = logits.Max();
            return Math.Log(logits.Sum(v => Math.Exp(v - max))) - (logits[1] - max);
        }
    }

    [Fact]
    public void Surrogate_training_learns_a_spike_rate_task()
    {
        var train = LoudChannelTask(160, 4);
        var test = LoudChannelTask(80, 5);
        var net = ClassifierModels.Create(TinySpec, 20, 4, 4, 1);
        Assert.IsType<L2muNetwork>(net);
        net.Initialize(1);
        double before = Trainer.Evaluate(net, test).Accuracy;
        Trainer.Fit(net, train, null, new TrainingOptions { MaxEpochs = 12, BatchSize = 16, LearningRate = 5e-3 });
        double after = Trainer.Evaluate(net, test).Accuracy;
        Assert.True(after > 0.9 && after > before, before + " -> " + after);
        Assert.True(((L2muNetwork)net).LastSpikeRate > 0);
    }

    [Fact]
    public void Training_is_deterministic_the_file_round_trips_and_specs_are_validated()
    {
        var data = LoudChannelTask(32, 6);
        IClassifierModel Run()
        {
            var net = ClassifierModels.Create(TinySpec, 20, 4, 4, 1);
            net.Initialize(7);
            Trainer.Fit(net, data, null, new TrainingOptions { MaxEpochs = 2, BatchSize = 8 });
            return net;
        }

        var a = Run();
        Assert.Equal(a.Snapshot().SelectMany(x => x).ToArray(), Run().Snapshot().SelectMany(x => x).ToArray());
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "l2mu.json");
        NetworkFile.Save(a, path);
        var loaded = NetworkFile.Load(path);
        Assert.IsType<L2muNetwork>(loaded);
        for (int w = 0; w < 8; w++)
        {
            Assert.Equal(a.Forward(data.Data, w * data.WindowSize), loaded.Forward(data.Data, w * data.WindowSize));
        }

        foreach (string bad in new[] { "l2mu:4:3", "l2mu:0:3:8", "l2mu:4:x:8", "l2mu:4:3:8:0", "l2mu:4:3:8:8:0", "l2mu:4:3:8:8:8:9", "l2mu:100:64:8" })
        {
            Assert.Throws<ArgumentException>(() => ClassifierModels.Create(bad, 20, 4, 4, 1));
        }
    }

    [Fact]
    public void The_input_is_the_model_files_delta_encoding_of_the_raw_samples()
    {
        // One channel rising by 5 per step with delta 8: spikes whenever the sample is >= 8 above the last spike's sample.
        var net = new L2muNetwork("l2mu:2:2:4:4:8", 6, 1, 2, 1);
        var kernel = new Wearable.Kernels.Spiking.DeltaEncoder(1, [8]);
        float[] window = [5, 10, 15, -3, 20, 20];
        net.Initialize(1);
        var expected = new List<byte>();
        foreach (float x in window)
        {
            kernel.Step(new short[] { (short)x }, 0);
            expected.AddRange(kernel.Spikes);
        }

        Assert.Equal(new byte[] { 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0 }, expected);
        Assert.Equal(expected, net.EncodeSpikes(window, 0));
    }
}
