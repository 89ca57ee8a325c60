using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;
using Wearable.TestSupport;

namespace Wearable.Modeling.Tests;

public class PostTrainingQuantizerTests
{
    private static MyoArmbandDataset Data() => new(RepositoryPaths.SharedDataFile("emg", "myo-armband"));

    /// <summary>The first cycle (7 repetitions) of one person's session, windows every 10 samples.</summary>
    private static WindowSet Cycle(MyoArmbandDataset data, string person, string session)
    {
        var who = data.EvaluationParticipants().First(p => p.Name == person);
        return MyoArmbandProtocol.Windows(data.LoadSession(who, session).Take(7), MyoArmbandProtocol.WindowLength, 10);
    }

    private static double Agreement(IClassifierModel model, FixedPointEvaluation fixedPoint, WindowSet windows)
    {
        int same = 0;
        for (int w = 0; w < windows.Count; w++)
        {
            if (model.Predict(windows.Data, w * windows.WindowSize) == fixedPoint.Predict(windows.Data, w * windows.WindowSize))
            {
                same++;
            }
        }

        return (double)same / windows.Count;
    }

    [Fact]
    public void Tiny_trained_cnn_exports_a_file_the_shared_runner_executes_like_the_float_model()
    {
        var data = Data();
        var train = Cycle(data, "Male2", MyoArmbandDataset.Training);
        var test = Cycle(data, "Male2", MyoArmbandDataset.Test0);
        var network = ClassifierModels.Create("conv:8:5,relu,maxpool:4,dw:3,relu,gap", MyoArmbandProtocol.WindowLength, 8, 7, 1f / 32);
        network.Initialize(3);
        Trainer.Fit(network, train, null, new TrainingOptions { MaxEpochs = 4, Seed = 3 });
        network.SetTraining(null);

        var quantized = PostTrainingQuantizer.Quantize(network, train, MyoArmbandProtocol.QuantizationOptions("tiny"));

        var model = ModelReader.Read(quantized.File);
        Assert.Equal("tiny", model.Name);
        Assert.Equal(7, model.Labels.Length);
        Assert.Equal(new[] { "conv1d 8 k5 valid relu", "max_pool1d 4", "depthwise_conv1d k3 valid relu", "avg_pool1d 10 (global)", "dense 7 (per-unit scales)", "softmax" }, quantized.Ops);
        var fixedPoint = new FixedPointEvaluation(quantized.File);
        double agreement = Agreement(network, fixedPoint, test);
        Assert.True(agreement >= 0.9, "int8 and float agree on " + agreement + " of " + test.Count + " windows");
        AllocationAssert.ZeroBytes(() => fixedPoint.Predict(test.Data, 0), 50, what: "quantize input + ModelRunner.Invoke + Decide");
    }

    [Fact]
    public void Ensemble_of_cnns_exports_one_graph_whose_summed_logits_decide_like_the_float_ensemble()
    {
        var data = Data();
        var train = Cycle(data, "Male5", MyoArmbandDataset.Training);
        var test = Cycle(data, "Male5", MyoArmbandDataset.Test0);
        var ensemble = ClassifierModels.Create("conv:8:5,relu,maxpool:4,dw:3,relu,gap + conv:6:3,relu,maxpool:4,gap", MyoArmbandProtocol.WindowLength, 8, 7, 1f / 32);
        ensemble.Initialize(5);
        Trainer.Fit(ensemble, train, null, new TrainingOptions { MaxEpochs = 3, Seed = 5 });
        ensemble.SetTraining(null);

        var quantized = PostTrainingQuantizer.Quantize(ensemble, train, MyoArmbandProtocol.QuantizationOptions());

        Assert.Equal(
            new[]
            {
                "conv1d 8 k5 valid relu", "max_pool1d 4", "depthwise_conv1d k3 valid relu", "avg_pool1d 10 (global)", "dense 7 (per-unit scales)",
                "conv1d 6 k3 valid relu", "max_pool1d 4", "avg_pool1d 12 (global)", "dense 7 (per-unit scales)",
                "add (ensemble logits 2 of 2)", "softmax",
            },
            quantized.Ops);
        var model = ModelReader.Read(quantized.File);
        Assert.Equal(model.GraphInput, model.Layers[0].Input);
        Assert.Equal(model.GraphInput, model.Layers[5].Input);
        var fixedPoint = new FixedPointEvaluation(quantized.File);
        double agreement = Agreement(ensemble, fixedPoint, test);
        Assert.True(agreement >= 0.9, "int8 and float ensemble agree on " + agreement + " of " + test.Count + " windows");

        // Either member alone decides differently somewhere: the add really combines both branches.
        var members = ((EnsembleModel)ensemble).Members;
        Assert.True(Agreement(members[0], fixedPoint, test) < 1 || Agreement(members[1], fixedPoint, test) < 1);
    }

    [Fact]
    public void Committed_pretrained_cnn_keeps_its_decisions_after_quantization()
    {
        var data = Data();
        var network = NetworkFile.Load(RepositoryPaths.InRepo("models", "gesture-cnn-myo-pretrained.float.json"));
        var calibration = FixedPointEvaluation.Subsample(Cycle(data, "Male0", MyoArmbandDataset.Training), 200);
        var quantized = PostTrainingQuantizer.Quantize(network, calibration, MyoArmbandProtocol.QuantizationOptions());
        var test = Cycle(data, "Female0", MyoArmbandDataset.Test1);
        double agreement = Agreement(network, new FixedPointEvaluation(quantized.File), test);
        Assert.True(agreement >= 0.95, "int8 and float agree on " + agreement + " of " + test.Count + " windows");
    }

    [Fact]
    public void Pointwise_layer_scales_and_requantization_match_a_hand_computation()
    {
        // pw:2 over 2 input channels (input scale 1), values exact in binary so float32 adds no error:
        // weights [out][in] = [[0.5, -0.25], [1.0, 0.125]], bias [0.125, -0.25].
        var network = new Network("pw:2", 1, 2, 2, 1f);
        network.Restore([[0.5f, -0.25f, 1.0f, 0.125f], [0.125f, -0.25f], [1f, 0f, 0f, 1f], [0f, 0f]]);
        var calibration = new WindowSet(2, 1, 4);
        float[][] inputs = [[1, 0], [0, 2], [-1, 1]];
        foreach (float[] x in inputs)
        {
            calibration.AddRecording(LabelledRecording.FromFloat("hand", "p", "s", ["a", "b"], 1, "raw", x, null, 0), 1);
        }

        // Outputs: (0.625, 0.75), (-0.375, 0), (-0.625, -1.125): range [-1.125, 0.75] -> s = 1.875 / 255,
        // z = -128 + 1.125 / s = -128 + 153 = 25.
        // Per-channel weight scales 0.5 / 127 and 1.0 / 127. Real multipliers 0.5 * 255 / (127 * 1.875) = 0.535433 * 2^0
        // and 1.070866 = 0.535433 * 2^1; M = round(0.5354330708661418 * 2^31) = round(1149833764.28) = 1149833764.
        // Weights: 0.5 -> 127, -0.25 -> -63.5 -> -64 (half away from zero); 1.0 -> 127, 0.125 -> 15.875 -> 16.
        // Biases (scale s_in * s_w): 0.125 / (0.5 / 127) = 31.75 -> 32; -0.25 / (1 / 127) = -31.75 -> -32.
        var quantized = PostTrainingQuantizer.Quantize(network, calibration, new QuantizationOptions { Labels = ["a", "b"], SampleRateMilliHz = 200_000 });
        var model = ModelReader.Read(quantized.File);
        var pw = Assert.IsType<PointwiseConvLayer>(model.Layers[0]);
        Assert.Equal(new[] { 1149833764, 1149833764 }, pw.Quant.Multipliers);
        Assert.Equal(new[] { 0, 1 }, pw.Quant.Shifts);
        Assert.Equal(new sbyte[] { 127, -64, 127, 16 }, pw.Weights.ToArray());
        Assert.Equal(new[] { 32, -32 }, pw.Bias);
        TensorInfo output = model.Tensors[pw.Output];
        Assert.Equal(25, output.ZeroPoint);
        Assert.Equal((float)(1.875 / 255), BitConverter.Int32BitsToSingle(output.ScaleBits));
        Assert.Equal((1.0, 0), (quantized.InputScale, quantized.InputZeroPoint));
    }

    [Fact]
    public void Shipped_default_is_the_int8_export_of_the_shipped_ensemble_and_decides_like_it()
    {
        // The default joins the two shipped pre-trained ensembles (3 + 4 CNNs) into one graph.
        var parts = new[] { "gesture-cnn3-myo-pretrained.float.json", "gesture-cnn4-myo-pretrained.float.json" }
            .Select(f => Assert.IsType<EnsembleModel>(NetworkFile.Load(RepositoryPaths.InRepo("models", f))));
        var ensemble = new EnsembleModel(parts.SelectMany(e => e.Members).ToArray());
        Assert.Equal(7, ensemble.Members.Count);
        Assert.All(ensemble.Members, m => Assert.Equal(Network.DefaultSpec, m.Spec));
        var shipped = new FixedPointEvaluation(File.ReadAllBytes(RepositoryPaths.InRepo("models", "gesture-default.wmdl")));
        Assert.Equal(ensemble.Members.Count, shipped.Runner.Model.Layers.Count(l => l.Input == shipped.Runner.Model.GraphInput));
        var test = Cycle(Data(), "Male3", MyoArmbandDataset.Test0);
        double agreement = Agreement(ensemble, shipped, test);
        Assert.True(agreement >= 0.95, "the shipped int8 file and its float ensemble agree on " + agreement + " of " + test.Count + " windows");
    }

    [Fact]
    public void Shipped_default_gesture_model_is_myo_shaped_and_within_the_device_budget()
    {
        var runner = ModelRunner.Load(File.ReadAllBytes(RepositoryPaths.InRepo("models", "gesture-default.wmdl")));
        var model = runner.Model;
        Assert.Equal((8, 200_000, 52), (model.Input.Channels, model.Input.SampleRateMilliHz, model.Input.WindowSamples));
        Assert.Equal(MyoArmbandDatReader.GestureNames, model.Labels);
        Assert.True(runner.ArenaBytes + runner.ScratchBytes <= 32 * 1024, "arena + scratch " + (runner.ArenaBytes + runner.ScratchBytes));
        Assert.True(runner.ParameterBytes <= 64 * 1024, "weights " + runner.ParameterBytes);
    }

    [Fact]
    public void Spiking_models_are_refused_with_the_reason()
    {
        var spiking = ClassifierModels.Create("cuba:16", MyoArmbandProtocol.WindowLength, 8, 7, 1f / 32);
        var windows = new WindowSet(8, MyoArmbandProtocol.WindowLength, 1);
        var ex = Assert.Throws<NotSupportedException>(() => PostTrainingQuantizer.Quantize(spiking, windows, MyoArmbandProtocol.QuantizationOptions()));
        Assert.Contains("int8", ex.Message);
    }
}

public class QuantizedModelPipelineTests
{
    [Fact]
    public void Device_pipeline_on_raw_int16_samples_decides_like_the_window_evaluation()
    {
        var data = new MyoArmbandDataset(RepositoryPaths.SharedDataFile("emg", "myo-armband"));
        var person = data.EvaluationParticipants().First(p => p.Name == "Male0");
        var recording = data.LoadSession(person, MyoArmbandDataset.Test0)[3];
        var network = NetworkFile.Load(RepositoryPaths.InRepo("models", "gesture-cnn-myo-pretrained.float.json"));
        var calibration = MyoArmbandProtocol.Windows(data.LoadSession(person, MyoArmbandDataset.Training).Take(7), MyoArmbandProtocol.WindowLength, 25);
        byte[] file = PostTrainingQuantizer.Quantize(network, calibration, MyoArmbandProtocol.QuantizationOptions()).File;

        var pipeline = new ModelPipeline(ModelReader.Read(file));
        var windowEvaluation = new FixedPointEvaluation(file);
        var frame = new short[8];
        var window = new float[52 * 8];
        int compared = 0;
        for (int t = 0; t < recording.Frames; t++)
        {
            for (int c = 0; c < 8; c++)
            {
                frame[c] = (short)recording.Sample(t, c);
            }

            if (pipeline.Push(frame, 0) && t >= 51)
            {
                for (int k = 0; k < 52; k++)
                {
                    for (int c = 0; c < 8; c++)
                    {
                        window[k * 8 + c] = recording.Sample(t - 51 + k, c);
                    }
                }

                Assert.Equal(windowEvaluation.Predict(window, 0), pipeline.Decision);
                compared++;
            }
        }

        Assert.True(compared > 50, compared + " decisions compared");
    }
}
