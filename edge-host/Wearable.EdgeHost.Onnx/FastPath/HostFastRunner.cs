using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// The host fast path of our own int8 CNN graph: the same integers as <see cref="ModelRunner"/>
/// (the portable shared source stays the reference and the device code), computed with
/// System.Runtime.Intrinsics. Activations live as uint8 (x + 128) so that VNNI's u8 x s8 dot
/// product applies directly; every tensor gets its own padded place in one arena (the host has the
/// memory, and the vector ops may write a few bytes past a tensor's end). Invoke allocates nothing.
/// </summary>
public sealed class HostFastRunner
{
    /// <summary>Bytes after every tensor that vector loads and stores may touch.</summary>
    private const int TensorPadding = 64;

    private readonly FastOp[] _ops;
    private readonly byte[] _arena;
    private readonly int _inputOffset;
    private readonly int _outputOffset;
    private readonly int _outputChannels;
    private readonly int[] _tensorOffsets;
    private readonly TensorInfo[] _tensors;

    public HostFastRunner(ModelDefinition model, HostKernelPath path)
    {
        if (!model.HasCnn)
        {
            throw new ArgumentException("The model has no CNN graph section to run.", nameof(model));
        }

        if (!HostKernelPaths.IsSupported(path))
        {
            throw new PlatformNotSupportedException("This CPU cannot run the " + HostKernelPaths.Name(path) + " path; use HostKernelPaths.Best.");
        }

        Path = path;
        TensorInfo[] tensors = model.Tensors;
        var offsets = new int[tensors.Length];
        int total = 0;
        for (int i = 0; i < tensors.Length; i++)
        {
            offsets[i] = total;
            total += (tensors[i].ByteCount + TensorPadding + 31) / 32 * 32;
        }

        _arena = GC.AllocateArray<byte>(total, pinned: true);
        _ops = model.Layers.Select(layer => Compile(layer, tensors, offsets, path)).ToArray();
        _inputOffset = offsets[model.GraphInput];
        _outputOffset = offsets[model.GraphOutput];
        InputBytes = tensors[model.GraphInput].ByteCount;
        OutputBytes = tensors[model.GraphOutput].ByteCount;
        _outputChannels = tensors[model.GraphOutput].Channels;
        _tensorOffsets = offsets;
        _tensors = tensors;
    }

    /// <summary>The fastest path this machine has.</summary>
    public HostFastRunner(ModelDefinition model)
        : this(model, HostKernelPaths.Best)
    {
    }

    public HostKernelPath Path { get; }

    public int InputBytes { get; }

    public int OutputBytes { get; }

    /// <summary>Copies InputBytes int8 values ([time][channel], the input tensor's quantization).</summary>
    public void SetInput(sbyte[] source, int offset)
    {
        for (int i = 0; i < InputBytes; i++)
        {
            _arena[_inputOffset + i] = (byte)(source[offset + i] + 128);
        }
    }

    public void Invoke()
    {
        foreach (FastOp op in _ops)
        {
            op.Run(_arena);
        }
    }

    /// <summary>Copies OutputBytes int8 values of the output tensor.</summary>
    public void GetOutput(sbyte[] destination, int offset)
    {
        for (int i = 0; i < OutputBytes; i++)
        {
            destination[offset + i] = (sbyte)(_arena[_outputOffset + i] - 128);
        }
    }

    /// <summary>A copy of any tensor's int8 values after <see cref="Invoke"/> (tensors are never reused here), for tests and tools.</summary>
    public sbyte[] Tensor(int index)
    {
        var values = new sbyte[_tensors[index].ByteCount];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (sbyte)(_arena[_tensorOffsets[index] + i] - 128);
        }

        return values;
    }

    /// <summary>Argmax over the last output frame, ties to the lowest index (as <see cref="ModelRunner.Decide"/>).</summary>
    public int Decide()
    {
        int start = _outputOffset + OutputBytes - _outputChannels;
        int best = 0;
        for (int c = 1; c < _outputChannels; c++)
        {
            if (_arena[start + c] > _arena[start + best])
            {
                best = c;
            }
        }

        return best;
    }

    private static FastOp Compile(CnnLayer layer, TensorInfo[] tensors, int[] offsets, HostKernelPath path)
    {
        TensorInfo input = tensors[layer.Input];
        int inOffset = offsets[layer.Input];
        int outOffset = offsets[layer.Output];
        if (path != HostKernelPath.Scalar)
        {
            switch (layer)
            {
                case Conv1dLayer conv:
                    Conv1dParams c = conv.Params;
                    return new PackedConvOp(path, new ConvShape(input.Length, c.InputChannels, c.OutputChannels, c.KernelSize, c.Stride, c.Dilation, c.Padding), conv.Weights.ToArray(), conv.Bias, conv.Quant, -c.InputOffset, c.OutputOffset, c.ActivationMin, c.ActivationMax, inOffset, outOffset);
                case PointwiseConvLayer pw:
                    PointwiseConvParams p = pw.Params;
                    return new PackedConvOp(path, new ConvShape(input.Length, p.InputChannels, p.OutputChannels, 1, 1, 1, Padding1d.Valid), pw.Weights.ToArray(), pw.Bias, pw.Quant, -p.InputOffset, p.OutputOffset, p.ActivationMin, p.ActivationMax, inOffset, outOffset);
                case DenseLayer dense:
                    DenseParams d = dense.Params;
                    return new PackedConvOp(path, new ConvShape(input.Length, input.Channels, d.Units, input.Length, 1, 1, Padding1d.Valid), dense.Weights.ToArray(), dense.Bias, dense.Quant, -d.InputOffset, d.OutputOffset, d.ActivationMin, d.ActivationMax, inOffset, outOffset);
                case DepthwiseConv1dLayer dw when dw.Params.ChannelMultiplier == 1:
                    return new VectorDepthwiseOp(dw.Params, input.Length, dw.Weights.ToArray(), dw.Bias, dw.Quant, inOffset, outOffset);
                case Pool1dLayer pool when pool.Op == CnnOpCode.MaxPool1d:
                    return new VectorMaxPoolOp(pool.Params, input.Length, inOffset, outOffset);
            }
        }

        return new PortableOpAdapter(layer, tensors, inOffset, layer.Input2 >= 0 ? offsets[layer.Input2] : 0, outOffset);
    }
}
