using Microsoft.ML.OnnxRuntime;
using Wearable.EdgeHost.Onnx.Export;
using Wearable.Kernels.Model;
using Xunit.Abstractions;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>
/// Export -> ONNX Runtime -> compare. The stated bound (docs/onnx.md): every op's output, given the
/// same input, is within 1 LSB of our runner's (ORT requantizes in float with round-half-to-even, we
/// in fixed point with TFLite's double rounding). Checked op by op on every shipped model.
/// </summary>
public sealed class OnnxExportTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ShippedModels.Names), MemberType = typeof(ShippedModels))]
    public void EveryOpOfEveryShippedModelIsWithinOneLsbOfOurRunner(string file)
    {
        ModelDefinition model = ShippedModels.Read(file);
        var reference = new OpByOpRunner(model);
        sbyte[][] windows = ShippedModels.RandomWindows(model, 16, seed: 20261205);
        for (int i = 0; i < model.Layers.Length; i++)
        {
            CnnLayer layer = model.Layers[i];
            using var session = new InferenceSession(OnnxModelExporter.Export(SingleOp(model, layer)));
            int maxDiff = 0;
            long differing = 0;
            long values = 0;
            foreach (sbyte[] window in windows)
            {
                reference.Run(window);
                sbyte[] expected = reference.Tensor(layer.Output);
                sbyte[] actual = RunOp(session, model, layer, reference);
                for (int k = 0; k < expected.Length; k++)
                {
                    int diff = Math.Abs(expected[k] - actual[k]);
                    maxDiff = Math.Max(maxDiff, diff);
                    differing += diff > 0 ? 1 : 0;
                    values++;
                }
            }

            output.WriteLine($"op {i} {CnnOpCode.Name(layer.Op)}: max |diff| {maxDiff} LSB, {differing} of {values} values differ");
            Assert.True(maxDiff <= 1, $"{file} op {i} ({CnnOpCode.Name(layer.Op)}): ORT differs from our runner by {maxDiff} LSB (bound 1)");
        }
    }

    [Fact]
    public void ASpikingModelIsRefusedWithTheReason()
    {
        var model = ShippedModels.Read(Path.Combine("models", "gesture-cnn-small.wmdl"));
        model.SpikingLayers = new[] { new SpikingLayerRecord() };
        var error = Assert.Throws<OnnxExportException>(() => OnnxModelExporter.Export(model));
        Assert.Contains("spiking", error.Message);
    }

    /// <summary>The model with only one op, whose inputs become graph inputs.</summary>
    private static ModelDefinition SingleOp(ModelDefinition model, CnnLayer layer) =>
        new(model.Input)
        {
            Tensors = model.Tensors,
            QuantTables = model.QuantTables,
            Layers = new[] { layer },
            GraphInput = layer.Input,
            GraphOutput = layer.Output,
        };

    private static sbyte[] RunOp(InferenceSession session, ModelDefinition model, CnnLayer layer, OpByOpRunner reference)
    {
        TensorInfo input = model.Tensors[layer.Input];
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor(OnnxExportInputs.Nwc, OnnxExportInputs.Uint8(reference.Tensor(layer.Input), 1, input.Length, input.Channels)),
        };
        if (layer.Input2 >= 0 && layer.Input2 != layer.Input)
        {
            TensorInfo second = model.Tensors[layer.Input2];
            inputs.Add(NamedOnnxValue.CreateFromTensor(OnnxModelExporter.TensorName(layer.Input2), OnnxExportInputs.Uint8Ncw(reference.Tensor(layer.Input2), second.Length, second.Channels)));
        }

        using var results = session.Run(inputs);
        return results.Single().AsEnumerable<byte>().Select(b => (sbyte)(b - 128)).ToArray();
    }
}
