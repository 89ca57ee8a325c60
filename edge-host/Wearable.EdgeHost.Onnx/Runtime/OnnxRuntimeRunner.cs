using Microsoft.ML.OnnxRuntime;
using Wearable.EdgeHost.Onnx.Export;
using Wearable.Kernels.Model;

namespace Wearable.EdgeHost.Onnx.Runtime;

/// <summary>
/// Runs an exported model (<see cref="OnnxModelExporter"/>) with ONNX Runtime on the CPU, one thread,
/// with int8 windows in and int8 confidences out, like <see cref="ModelRunner"/>. The uint8 <-> int8
/// shift (x + 128) happens here; input and output buffers are pinned once and bound to ORT, so a
/// run copies nothing through managed tensors.
/// </summary>
public sealed class OnnxRuntimeRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly byte[] _input;
    private readonly byte[] _output;
    private readonly OrtValue _inputValue;
    private readonly OrtValue _outputValue;
    private readonly OrtValue[] _inputValues;
    private readonly OrtValue[] _outputValues;
    private readonly string[] _inputNames = { OnnxModelExporter.InputName };
    private readonly string[] _outputNames = { OnnxModelExporter.OutputName };
    private readonly int _outputChannels;

    public OnnxRuntimeRunner(ModelDefinition model)
        : this(OnnxModelExporter.Export(model), model)
    {
    }

    public OnnxRuntimeRunner(byte[] onnxModel, ModelDefinition model)
    {
        TensorInfo input = model.Tensors[model.GraphInput];
        TensorInfo output = model.Tensors[model.GraphOutput];
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        _session = new InferenceSession(onnxModel, options);
        _input = new byte[input.ByteCount];
        _output = new byte[output.ByteCount];
        _inputValue = OrtValue.CreateTensorValueFromMemory(_input, new long[] { 1, input.Length, input.Channels });
        _outputValue = OrtValue.CreateTensorValueFromMemory(_output, new long[] { 1, output.Length, output.Channels });
        _inputValues = new[] { _inputValue };
        _outputValues = new[] { _outputValue };
        _outputChannels = output.Channels;
        InputBytes = _input.Length;
        OutputBytes = _output.Length;
    }

    public int InputBytes { get; }

    public int OutputBytes { get; }

    /// <summary>One inference: int8 window [time][channel] in, int8 output tensor out (same quantization as the model file).</summary>
    public void Run(sbyte[] window, int windowOffset, sbyte[] output, int outputOffset)
    {
        for (int i = 0; i < _input.Length; i++)
        {
            _input[i] = (byte)(window[windowOffset + i] + 128);
        }

        _session.Run(_runOptions, _inputNames, _inputValues, _outputNames, _outputValues);
        for (int i = 0; i < _output.Length; i++)
        {
            output[outputOffset + i] = (sbyte)(_output[i] - 128);
        }
    }

    /// <summary>Argmax of the last output frame of the latest run, ties to the lowest index (as <see cref="ModelRunner.Decide"/>).</summary>
    public int Decide()
    {
        int start = _output.Length - _outputChannels;
        int best = 0;
        for (int c = 1; c < _outputChannels; c++)
        {
            if (_output[start + c] > _output[start + best])
            {
                best = c;
            }
        }

        return best;
    }

    public void Dispose()
    {
        _inputValue.Dispose();
        _outputValue.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }
}
