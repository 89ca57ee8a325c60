using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Simulation;
using Wearable.Modeling.Training;
using Wearable.TestSupport;

namespace Wearable.Modeling.Tests;

public class QuantizationAwareTrainingTests
{
    private const string SmallSpec = "conv:8:5,relu,maxpool:4,dw:3,relu,pw:8,relu,maxpool:2";

    private static MyoArmbandDataset Data() => new(RepositoryPaths.SharedDataFile("emg", "myo-armband"));

    private static WindowSet Cycles(MyoArmbandDataset data, string person, string session, int skip, int take, int hop)
    {
        var who = data.EvaluationParticipants().First(p => p.Name == person);
        return MyoArmbandProtocol.Windows(data.LoadSession(who, session).Skip(skip).Take(take), MyoArmbandProtocol.WindowLength, hop);
    }

    private static Network TrainedSmallNet(WindowSet train, int epochs = 4)
    {
        var network = new Network(SmallSpec, MyoArmbandProtocol.WindowLength, 8, 7, 1f / 32);
        network.Initialize(5);
        Trainer.Fit(network, train, null, new TrainingOptions { MaxEpochs = epochs, Seed = 5 });
        network.SetTraining(null);
        return network;
    }

    [Fact]
    public void Fake_quantized_weights_are_the_exporters_codes_times_its_scales()
    {
        var random = new Pcg32(11);
        var weights = new float[6 * 10];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(random.NextGaussian() * (1 + (i / 10)));
        }

        var doubles = weights.Select(w => (double)w).ToArray();
        foreach (bool innermost in new[] { false, true })
        {
            var snapped = new float[weights.Length];
            var scales = new double[6];
            (sbyte[] codes, double[] expectedScales) = innermost ? WeightQuantizer.PerChannelInnermost(doubles, 6) : WeightQuantizer.PerChannel(doubles, 6);
            if (innermost)
            {
                FakeQuantization.PerChannelInnermost(weights, snapped, 6, scales);
            }
            else
            {
                FakeQuantization.PerChannel(weights, snapped, 6, scales);
            }

            Assert.Equal(expectedScales, scales);
            for (int i = 0; i < weights.Length; i++)
            {
                int channel = innermost ? i % 6 : i / 10;
                Assert.Equal((float)(codes[i] * expectedScales[channel]), snapped[i]);
            }
        }
    }

    [Fact]
    public void Fake_quantized_forward_matches_the_exported_model_on_the_shared_runner()
    {
        var data = Data();
        var train = Cycles(data, "Male2", MyoArmbandDataset.Training, 0, 7, 10);
        var test = Cycles(data, "Male2", MyoArmbandDataset.Test0, 0, 7, 10);
        var network = TrainedSmallNet(train);
        var ranges = PostTrainingQuantizer.CalibrateRanges(network, train);
        var qat = new QatNetwork(network, ranges);
        var file = PostTrainingQuantizer.Quantize(qat.Float, qat.Ranges, MyoArmbandProtocol.QuantizationOptions()).File;
        var runner = new FixedPointEvaluation(file);
        var model = runner.Runner.Model;
        int logitsTensor = model.Layers[^1].Input; // the softmax reads the dense output
        int logitsOffset = runner.Runner.TensorOffset(logitsTensor);
        var (min, max) = qat.Ranges[^1];
        var grid = ActivationGrid.From(min, max, relu: false);
        Assert.Equal(grid.ZeroPoint, model.Tensors[logitsTensor].ZeroPoint);

        int codes = 0, exact = 0, decisions = 0, maxDifference = 0;
        for (int w = 0; w < test.Count; w++)
        {
            float[] fake = qat.Forward(test.Data, w * test.WindowSize);
            int fakeDecision = Network.ArgMax(fake);
            int fixedDecision = runner.Predict(test.Data, w * test.WindowSize);
            decisions += fakeDecision == fixedDecision ? 1 : 0;
            for (int k = 0; k < 7; k++)
            {
                int difference = Math.Abs(grid.Code(fake[k]) - runner.Runner.Arena[logitsOffset + k]);
                maxDifference = Math.Max(maxDifference, difference);
                exact += difference == 0 ? 1 : 0;
                codes++;
            }
        }

        // The float pass rounds y / s_out once; the kernel rounds acc * M / 2^31 and then shifts with
        // rounding, with M the Q31 rounding of s_in s_w / s_out. The two agree except where the exact
        // value lies within ~2^-(31 - shift) of a rounding midpoint, which moves one code by one step;
        // such a step downstream moves an accumulator by one weight, i.e. at most about one more code.
        // The snap requantizes the accumulator count with the op's own (M, S) and double rounding, so
        // every logit code is the runner's (measured: all 4,655). Decisions may still differ where
        // the int8 softmax maps two different logit codes to the same probability and the runner's
        // argmax takes the lower class (1 window of 665 here).
        Assert.True(exact == codes, exact + " of " + codes + " logit codes equal (largest difference " + maxDifference + ")");
        Assert.True(decisions >= 0.99 * test.Count, decisions + " of " + test.Count + " decisions equal");
    }

    [Fact]
    public void Straight_through_gradient_passes_inside_the_range_and_stops_where_the_grid_clips()
    {
        // The bare classifier (dense 2 <- 2 inputs, input scale 1). Logits before snapping: 1.0 and 3.0;
        // the logits' range [-2, 2] clips the second, so only the first row may learn.
        var network = new Network("", 1, 2, 2, 1f);
        network.Restore([[0.5f, 0.25f, 1.0f, 1.0f], [0f, 0f]]);
        var qat = new QatNetwork(network, [(-2.0, 2.0)]) { RangeMomentum = 1 };
        float[] window = [1, 2];
        float[] logits = (float[])qat.Forward(window, 0).Clone();
        var grid = ActivationGrid.From(-2, 2, relu: false);
        Assert.Equal(grid.Real(127), logits[1]); // clipped at the top of the grid
        Assert.NotEqual(0, logits[0]);

        double p0 = Math.Exp(logits[0]) / (Math.Exp(logits[0]) + Math.Exp(logits[1]));
        qat.Learn(window, 0, 1, out _);
        var parameters = qat.Parameters.ToArray();
        float[] gw = parameters[0].Gradients, gb = parameters[1].Gradients;
        Assert.Equal(p0 * 1, gw[0], 5); // d loss / d w00 = (p0 - 0) * x0, with x0 snapped to 1
        Assert.Equal(p0 * 2, gw[1], 5);
        Assert.Equal(p0, gb[0], 5);
        Assert.Equal(new float[] { 0, 0 }, new[] { gw[2], gw[3] }); // clipped: no gradient
        Assert.Equal(0f, gb[1]);
    }

    [Fact]
    public void Qat_recovers_accuracy_that_post_training_quantization_loses_to_an_outlier_channel()
    {
        var data = Data();
        var train = Cycles(data, "Female0", MyoArmbandDataset.Training, 0, 14, 10);
        var test = Cycles(data, "Female0", MyoArmbandDataset.Training, 14, 7, 10);
        var network = TrainedSmallNet(train, 10);
        // Scale the first conv's channel 0 up by 100 and the depthwise tap weights reading it down by 100:
        // the float function is unchanged (ReLU and max pool commute with positive scaling), but that
        // one channel now sets the first per-tensor activation range, leaving the other seven channels
        // a few codes each: a model that post-training quantization handles badly.
        const float Outlier = 100;
        var conv = (Conv1dTrainingLayer)network.Layers[0];
        var dw = (DepthwiseConv1dTrainingLayer)network.Layers[3];
        int row = conv.Kernel * conv.InputChannels;
        for (int i = 0; i < row; i++)
        {
            conv.Weights.Values[i] *= Outlier;
        }

        conv.Bias.Values[0] *= Outlier;
        for (int k = 0; k < dw.Kernel; k++)
        {
            dw.Weights.Values[k * dw.OutputChannels] /= Outlier;
        }

        double floatAccuracy = Trainer.Evaluate(network, test).Accuracy;
        double ptq = FixedPointEvaluation.QuantizeAndScore(network, train, test);

        // Control: the same extra epochs in plain float, then post-training quantization, so QAT's
        // gain is not just more training.
        var control = ClassifierModels.Copy(network);
        Trainer.Fit(control, train, null, new TrainingOptions { MaxEpochs = 3, LearningRate = 1e-3, Seed = 2 });
        control.SetTraining(null);
        double controlPtq = FixedPointEvaluation.QuantizeAndScore(control, train, test);
        var result = QuantizationAwareTraining.FineTune(network, train, null, train, new QatOptions { Epochs = 3, LearningRate = 1e-3, Seed = 2 });
        double qat = new FixedPointEvaluation(QuantizationAwareTraining.Export(result, MyoArmbandProtocol.QuantizationOptions()).File).Accuracy(test);

        string numbers = "float " + floatAccuracy + ", PTQ " + ptq + ", float +3 epochs then PTQ " + controlPtq + ", QAT " + qat;
        Assert.True(ptq < floatAccuracy - 0.05, "the outlier should hurt PTQ: " + numbers);
        Assert.True(qat > controlPtq + 0.03, numbers);
    }

    [Fact]
    public void Qat_with_the_same_seed_exports_byte_identical_files()
    {
        var data = Data();
        var train = Cycles(data, "Male0", MyoArmbandDataset.Training, 0, 7, 20);
        var network = TrainedSmallNet(train);
        byte[] Run() => QuantizationAwareTraining.Export(
            QuantizationAwareTraining.FineTune(network, train, null, train, new QatOptions { Epochs = 2, Seed = 4, GainJitter = 0.1 }), MyoArmbandProtocol.QuantizationOptions()).File;

        byte[] first = Run();
        Assert.Equal(first, Run());
        Assert.NotEqual(PostTrainingQuantizer.Quantize(network, train, MyoArmbandProtocol.QuantizationOptions()).File, first); // it did fine-tune
    }

    [Fact]
    public void Qat_keeps_the_post_training_start_when_no_epoch_beats_it_on_validation()
    {
        var data = Data();
        var train = Cycles(data, "Male0", MyoArmbandDataset.Training, 0, 7, 20);
        var validation = Cycles(data, "Male0", MyoArmbandDataset.Training, 7, 7, 20);
        var network = TrainedSmallNet(train);
        // A learning rate of 0.5 wrecks the weights in the first steps: no epoch can beat the start.
        var result = QuantizationAwareTraining.FineTune(network, train, validation, train, new QatOptions { Epochs = 1, LearningRate = 0.5 });

        Assert.True(result.KeptStart, "validation: start " + result.StartValidationAccuracy + ", best epoch " + result.Fit.BestValidationAccuracy);
        Assert.Equal(PostTrainingQuantizer.Quantize(network, train, MyoArmbandProtocol.QuantizationOptions()).File, QuantizationAwareTraining.Export(result, MyoArmbandProtocol.QuantizationOptions()).File);
    }
}
