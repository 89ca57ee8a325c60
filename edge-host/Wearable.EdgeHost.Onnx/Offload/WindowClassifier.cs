using Wearable.EdgeHost.Onnx.FastPath;
using Wearable.EdgeHost.Onnx.Runtime;
using Wearable.Kernels.Model;

namespace Wearable.EdgeHost.Onnx.Offload;

/// <summary>One CNN window in, the decided class and its confidence out, on the chosen host back end.</summary>
public sealed class WindowClassifier : IDisposable
{
    private readonly HostFastRunner? _fast;
    private readonly OnnxRuntimeRunner? _ort;
    private readonly sbyte[] _output;

    public WindowClassifier(ModelDefinition model, HostBackend backend)
    {
        Backend = backend;
        if (backend == HostBackend.HostFast)
        {
            _fast = new HostFastRunner(model);
            _output = new sbyte[_fast.OutputBytes];
        }
        else
        {
            _ort = new OnnxRuntimeRunner(model);
            _output = new sbyte[_ort.OutputBytes];
        }

        Classes = model.Tensors[model.GraphOutput].Channels;
    }

    public HostBackend Backend { get; }

    public int Classes { get; }

    /// <summary>The decided class (argmax of the last output frame, ties to the lowest index); confidence as the device reports it (int8 output + 128) / 256.</summary>
    public int Classify(sbyte[] window, out double confidence)
    {
        int decision;
        if (_fast != null)
        {
            _fast.SetInput(window, 0);
            _fast.Invoke();
            _fast.GetOutput(_output, 0);
            decision = _fast.Decide();
        }
        else
        {
            _ort!.Run(window, 0, _output, 0);
            decision = _ort.Decide();
        }

        confidence = (_output[_output.Length - Classes + decision] + 128) / 256.0;
        return decision;
    }

    public void Dispose() => _ort?.Dispose();
}
