using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Simulation;
using Wearable.Modeling.Training;
using Wearable.TestSupport;

namespace Wearable.Modeling.Tests;

public sealed class TrainerTests
{
    private static WindowSet RandomWindows(int count, int length, int channels, int classes, ulong seed)
    {
        var random = new Pcg32(seed);
        var set = new WindowSet(channels, length, count);
        for (int i = 0; i < count; i++)
        {
            int label = i % classes;
            var samples = new short[length * channels];
            for (int n = 0; n < samples.Length; n++)
            {
                // Class k is louder on channel k: learnable, but only from the data.
                int channel = n % channels;
                double gain = channel == label % channels ? 40 : 8;
                samples[n] = (short)Math.Round(gain * random.NextGaussian());
            }

            set.AddRecording(LabelledRecording.FromInt16("r", "p", "s", LabelledRecording.NumberedChannels(channels), 200, "adc", samples, segmentLabel: label), length);
        }

        return set;
    }

    [Fact]
    public void Backpropagation_matches_numerical_gradients_for_every_layer_type()
    {
        var network = new Network("conv:4:3,relu,maxpool:2,dw:3,relu,pw:5,relu,gap", 16, 3, 4, 0.05f);
        network.Initialize(3);
        var data = RandomWindows(1, 16, 3, 4, 9);
        const int Label = 2;
        network.Learn(data.Data, 0, Label, out _);
        foreach (var parameter in network.Parameters)
        {
            var analytic = (float[])parameter.Gradients.Clone();
            for (int i = 0; i < parameter.Values.Length; i += Math.Max(1, parameter.Values.Length / 7))
            {
                float original = parameter.Values[i];
                const float H = 1e-2f;
                parameter.Values[i] = original + H;
                double up = Loss(network, data, Label);
                parameter.Values[i] = original - H;
                double down = Loss(network, data, Label);
                parameter.Values[i] = original;
                double numeric = (up - down) / (2 * H);
                Assert.True(
                    Math.Abs(numeric - analytic[i]) <= 2e-3 + (0.05 * Math.Abs(numeric)),
                    parameter.Name + "[" + i + "]: backprop " + analytic[i] + " vs numeric " + numeric);
            }
        }

        static double Loss(Network n, WindowSet d, int label)
        {
            float[] logits = n.Forward(d.Data, 0);
            double max = logits.Max();
            double sum = logits.Sum(v => Math.Exp(v - max));
            return Math.Log(sum) - (logits[label] - max);
        }
    }

    [Fact]
    public void Same_seed_trains_to_identical_weights_and_another_seed_does_not()
    {
        var data = RandomWindows(64, 12, 4, 4, 1);
        float[][] Train(ulong seed)
        {
            var network = new Network("conv:6:3,relu,maxpool:2,dropout:0.2", 12, 4, 4, 0.05f);
            network.Initialize(seed);
            Trainer.Fit(network, data, null, new TrainingOptions { Seed = seed, MaxEpochs = 3, BatchSize = 8 });
            return network.Snapshot();
        }

        var a = Train(5);
        var b = Train(5);
        var c = Train(6);
        Assert.Equal(a.SelectMany(x => x), b.SelectMany(x => x));
        Assert.NotEqual(a.SelectMany(x => x), c.SelectMany(x => x));
    }

    [Fact]
    public void Early_stopping_reports_every_epoch_and_keeps_the_best_one()
    {
        var train = RandomWindows(96, 12, 4, 4, 2);
        var validation = RandomWindows(40, 12, 4, 4, 3);
        var reports = new List<EpochReport>();
        var network = new Network("conv:8:3,relu,gap", 12, 4, 4, 0.05f);
        network.Initialize(1);
        var fit = Trainer.Fit(network, train, validation, new TrainingOptions { MaxEpochs = 40, Patience = 4, BatchSize = 8, Progress = reports.Add });
        Assert.Equal(fit.Epochs, reports.Count);
        Assert.True(fit.Epochs < 40 || fit.BestEpoch == 40);
        Assert.True(fit.Epochs - fit.BestEpoch <= 4);
        Assert.Equal(reports.Max(r => r.ValidationAccuracy), fit.BestValidationAccuracy);
        Assert.Equal(fit.BestValidationAccuracy, Trainer.Evaluate(network, validation).Accuracy, 6);
        Assert.True(fit.BestValidationAccuracy > 0.9, "a channel-energy task should be easy: " + fit.BestValidationAccuracy);
    }

    [Fact]
    public void Model_file_round_trips_to_identical_predictions()
    {
        var data = RandomWindows(20, 52, 8, 7, 4);
        var network = new Network(Network.DefaultSpec, 52, 8, 7, 1f / 32);
        network.Initialize(8);
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "m.json");
        NetworkFile.Save(network, path);
        var loaded = NetworkFile.Load(path);
        for (int w = 0; w < data.Count; w++)
        {
            Assert.Equal(network.Forward(data.Data, w * data.WindowSize), loaded.Forward(data.Data, w * data.WindowSize));
        }

        File.WriteAllText(path, "{\"Format\":\"other\"}");
        Assert.Throws<DatasetFormatException>(() => NetworkFile.Load(path));
    }

    [Fact]
    public void Tiny_cnn_learns_real_myo_gestures_end_to_end()
    {
        // A subset small enough for the unit suite: one person, two cycles of training0 (one held out
        // for early stopping), the first cycle of Test0 and Test1, a narrow network, few epochs.
        var data = new MyoArmbandDataset(RepositoryPaths.SharedDataFile("emg", "myo-armband"));
        var person = data.EvaluationParticipants().First(p => p.Name == "Male1");
        var options = new MyoProtocolOptions
        {
            Spec = "conv:8:5,relu,maxpool:4,dw:3,relu",
            TrainHop = 10,
            TestHop = 10,
            TrainRepetitionLimit = 14,
            TestRepetitionLimit = 7,
            ValidationRepetitions = 7,
            Training = new TrainingOptions { MaxEpochs = 12, Patience = 4, Seed = 1 },
        };
        var result = MyoProtocolExperiment.Run(data, [person], options);
        var only = Assert.Single(result.People);
        Assert.Equal("Male1", only.Person);
        Assert.True(only.InPaperSubset);
        Assert.True(only.TestWindows > 1000);
        Assert.True(only.Accuracy > 0.7, "7-class accuracy " + only.Accuracy + " (chance 0.14)");
    }
}
