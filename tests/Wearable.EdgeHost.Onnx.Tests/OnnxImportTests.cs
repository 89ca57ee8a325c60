using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Onnx;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;
using Wearable.TestSupport;
using Xunit.Abstractions;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>
/// Import of a model trained elsewhere: Data/pytorch-gesture-cnn.onnx was exported by PyTorch
/// (Data/make_pytorch_onnx.py made it). It must read into our float network with the same outputs
/// as ONNX Runtime gives on the file, and quantize into a device model whose decisions on real
/// sEMG match the float model's; an op we do not support is refused, naming it and its node.
/// </summary>
public sealed class OnnxImportTests(ITestOutputHelper output)
{
    private const float InputScale = 1f / 32;

    private static byte[] PyTorchFile(string name) => File.ReadAllBytes(RepositoryPaths.InRepo("tests", "Wearable.EdgeHost.Onnx.Tests", "Data", name));

    [Fact]
    public void ThePyTorchNetworkReadsWithTheSameFloatOutputsAsOnnxRuntime()
    {
        byte[] onnx = PyTorchFile("pytorch-gesture-cnn.onnx");
        Network network = OnnxModelImporter.ReadNetwork(onnx, InputScale);
        Assert.Equal("conv:16:5,relu,maxpool:2,dw:5,relu,pw:24,relu,maxpool:2", network.Spec);
        using var session = new InferenceSession(onnx);
        WindowSet windows = Windows("Male0", "Test0", hop: 50);
        var window = new float[windows.WindowSize];
        float worst = 0;
        for (int w = 0; w < windows.Count; w++)
        {
            windows.CopyWindow(w, window);
            float[] ours = network.Forward(window, 0);
            var ncw = new DenseTensor<float>(new[] { 1, network.InputChannels, network.InputLength });
            for (int t = 0; t < network.InputLength; t++)
            {
                for (int c = 0; c < network.InputChannels; c++)
                {
                    ncw[0, c, t] = window[t * network.InputChannels + c] * InputScale;
                }
            }

            using var results = session.Run(new[] { NamedOnnxValue.CreateFromTensor("window", ncw) });
            float[] theirs = results.Single().AsEnumerable<float>().ToArray();
            for (int k = 0; k < theirs.Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(ours[k] - theirs[k]) / Math.Max(1f, Math.Abs(theirs[k])));
            }
        }

        output.WriteLine($"{windows.Count} windows, largest relative logit difference {worst:E2}");
        Assert.True(worst < 1e-4f, "our float network differs from ONNX Runtime by " + worst);
    }

    [Fact]
    public void ThePyTorchModelBecomesADeviceModelThatDecidesLikeTheFloatModel()
    {
        byte[] onnx = PyTorchFile("pytorch-gesture-cnn.onnx");
        QuantizedModel quantized = OnnxModelImporter.Import(onnx, InputScale, Windows("Male0", "training0", hop: 20), MyoArmbandProtocol.QuantizationOptions("pytorch-gesture-cnn"));
        ModelDefinition model = ModelReader.Read(quantized.File);
        var runner = new ModelRunner(model);
        Network network = OnnxModelImporter.ReadNetwork(onnx, InputScale);
        WindowSet test = Windows("Male0", "Test0", hop: 5);
        var window = new float[test.WindowSize];
        var int8 = new sbyte[test.WindowSize];
        int agree = 0;
        int correct = 0;
        for (int w = 0; w < test.Count; w++)
        {
            test.CopyWindow(w, window);
            for (int i = 0; i < window.Length; i++)
            {
                int v = (int)window[i];
                int8[i] = (sbyte)Math.Clamp(v + model.Tensors[model.GraphInput].ZeroPoint, -128, 127);
            }

            runner.SetInput(int8, 0);
            runner.Invoke();
            int decision = runner.Decide();
            agree += decision == network.Predict(window, 0) ? 1 : 0;
            correct += decision == test.Label(w) ? 1 : 0;
        }

        output.WriteLine($"{test.Count} windows of Male0 Test0: int8 agrees with float on {100.0 * agree / test.Count:F1} %, int8 accuracy {100.0 * correct / test.Count:F1} %");
        Assert.True(agree >= 0.95 * test.Count, $"int8 agrees with the float model on only {agree} of {test.Count} windows");
        Assert.True(correct >= 0.5 * test.Count, $"the imported model is right on only {correct} of {test.Count} windows");
    }

    [Fact]
    public void AnUnsupportedOpIsAClearErrorNamingItAndItsNode()
    {
        var error = Assert.Throws<OnnxImportException>(() => OnnxModelImporter.ReadNetwork(PyTorchFile("pytorch-unsupported-op.onnx"), InputScale));
        Assert.Equal("unsupported op 'Tanh' at node '/8/Tanh'", error.Message);
        Assert.Contains("Conv", error.Hint);
    }

    [Fact]
    public void AFileThatIsNotOnnxIsAClearError()
    {
        var error = Assert.Throws<OnnxImportException>(() => OnnxModelImporter.ReadNetwork(new byte[] { 0xFF, 0xFF, 0xFF, 0x07, 1, 2, 3 }, InputScale));
        Assert.StartsWith("the file is not an ONNX model", error.Message);
    }

    private static WindowSet Windows(string person, string session, int hop)
    {
        var set = new WindowSet(8, 52);
        for (int i = 0; i < 28; i++)
        {
            set.AddRecording(RecordingFiles.Read(RepositoryPaths.SharedDataFile("emg", "myo-armband", "EvaluationDataset", person, session, "classe_" + i + ".dat")), hop);
        }

        return set;
    }
}
