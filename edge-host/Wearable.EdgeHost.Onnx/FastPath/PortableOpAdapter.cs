using Wearable.Kernels.Model;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// Runs one op with its portable layer (the reference itself) on int8 copies of its tensors: the
/// scalar path, and the ops too small to be worth vectors (add, softmax, average pool on a handful
/// of values). Buffers are allocated once; Run allocates nothing.
/// </summary>
public sealed class PortableOpAdapter : FastOp
{
    private readonly CnnLayer _layer;
    private readonly int _input;
    private readonly int _input2;
    private readonly int _output;
    private readonly int _inputBytes;
    private readonly int _input2Bytes;
    private readonly int _outputBytes;
    private readonly sbyte[] _local;
    private readonly int[] _scratch;

    public PortableOpAdapter(CnnLayer layer, TensorInfo[] tensors, int inputOffset, int input2Offset, int outputOffset)
    {
        _layer = layer;
        _input = inputOffset;
        _input2 = input2Offset;
        _output = outputOffset;
        _inputBytes = tensors[layer.Input].ByteCount;
        _input2Bytes = layer.Input2 >= 0 ? tensors[layer.Input2].ByteCount : 0;
        _outputBytes = tensors[layer.Output].ByteCount;
        _local = new sbyte[_inputBytes + _input2Bytes + _outputBytes];
        _scratch = new int[layer.ScratchInts];
    }

    public override void Run(byte[] arena)
    {
        ToInt8(arena, _input, _local, 0, _inputBytes);
        ToInt8(arena, _input2, _local, _inputBytes, _input2Bytes);
        int output = _inputBytes + _input2Bytes;
        _layer.Run(_local, 0, _inputBytes, output, _scratch);
        for (int i = 0; i < _outputBytes; i++)
        {
            arena[_output + i] = (byte)(_local[output + i] + 128);
        }
    }

    private static void ToInt8(byte[] source, int offset, sbyte[] destination, int at, int count)
    {
        for (int i = 0; i < count; i++)
        {
            destination[at + i] = (sbyte)(source[offset + i] - 128);
        }
    }
}
