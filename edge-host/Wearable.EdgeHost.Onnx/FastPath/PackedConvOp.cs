using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Wearable.Kernels.Cnn;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// conv1d / pointwise / dense on AVX-VNNI or AVX2, bit-exact with <see cref="MatVecS8"/>:
/// acc = bias + sum (x - z_in) w = (bias - z_u sum w) + sum u w with u = x + 128 and z_u = z_in + 128,
/// the first term folded at load, the second an exact integer dot product (vpdpbusd sums four
/// u8 x s8 products into int32; AVX2's vpmaddwd sums two int16 products). Output channels go eight
/// to a vector; weights are packed [group][block][8 lanes][G inputs] so one broadcast input group
/// feeds every block. Windows that touch padding (or are dilated) are gathered with z_u in the
/// padded taps, which contribute (z_u - z_u) w = 0 exactly as skipped taps do.
/// </summary>
public sealed class PackedConvOp : FastOp
{
    private const int Lanes = 8;
    private readonly ConvShape _shape;
    private readonly HostKernelPath _path;
    private readonly int _input;
    private readonly int _output;
    private readonly int _group;
    private readonly int _groups;
    private readonly int _blocks;
    private readonly byte _inputZeroU8;
    private readonly sbyte[] _packedBytes;
    private readonly short[] _packedShorts;
    private readonly int[] _foldedBias;
    private readonly LaneRequantization _requantization;
    private readonly int _outputOffsetU8;
    private readonly int _minU8;
    private readonly int _maxU8;
    private readonly byte[] _window;

    public PackedConvOp(HostKernelPath path, ConvShape shape, sbyte[] weights, int[] bias, ChannelQuantization quant, int inputZeroPoint, int outputZeroPoint, int activationMin, int activationMax, int inputOffset, int outputOffset)
    {
        if (path == HostKernelPath.Scalar)
        {
            throw new ArgumentException("The packed conv needs AVX2 or AVX-VNNI.", nameof(path));
        }

        _path = path;
        _shape = shape;
        _input = inputOffset;
        _output = outputOffset;
        _group = path == HostKernelPath.AvxVnni ? 4 : 2;
        int depth = shape.Depth;
        _groups = (depth + _group - 1) / _group;
        _blocks = (shape.OutputChannels + Lanes - 1) / Lanes;
        _inputZeroU8 = (byte)(inputZeroPoint + 128);
        int padded = _blocks * Lanes;
        _packedBytes = new sbyte[_group == 4 ? _groups * padded * 4 : 0];
        _packedShorts = new short[_group == 2 ? _groups * padded * 2 : 0];
        _foldedBias = new int[padded];
        _requantization = new LaneRequantization(quant, shape.OutputChannels, padded);
        for (int o = 0; o < shape.OutputChannels; o++)
        {
            int sum = 0;
            for (int i = 0; i < depth; i++)
            {
                sbyte w = weights[o * depth + i];
                sum += w;
                int at = ((i / _group * _blocks + o / Lanes) * Lanes + o % Lanes) * _group + i % _group;
                if (_group == 4)
                {
                    _packedBytes[at] = w;
                }
                else
                {
                    _packedShorts[at] = w;
                }
            }

            _foldedBias[o] = bias[o] - _inputZeroU8 * sum;
        }

        _outputOffsetU8 = outputZeroPoint + 128;
        _minU8 = activationMin + 128;
        _maxU8 = activationMax + 128;

        // Room for the last group's over-read (its weights are zero, so the extra bytes do not count).
        _window = new byte[_groups * _group + 32];
    }

    public override unsafe void Run(byte[] arena)
    {
        ConvShape s = _shape;
        int outLength = s.OutputLength;
        int cin = s.InputChannels;
        int cout = s.OutputChannels;
        fixed (byte* a = arena)
        fixed (byte* window = _window)
        fixed (sbyte* wBytes = _packedBytes)
        fixed (short* wShorts = _packedShorts)
        fixed (int* bias = _foldedBias, mult = _requantization.Multiplier, left = _requantization.LeftShift, right = _requantization.RightShift)
        {
            for (int t = 0; t < outLength; t++)
            {
                byte* x;
                if (s.IsContiguous(t))
                {
                    x = a + _input + s.Start(t) * cin;
                }
                else
                {
                    Gather(a, t, window);
                    x = window;
                }

                byte* y = a + _output + t * cout;
                for (int b0 = 0; b0 < _blocks; b0 += 4)
                {
                    int count = Math.Min(4, _blocks - b0);
                    if (_group == 4)
                    {
                        DotVnni(x, wBytes, b0, count, bias, mult, left, right, y);
                    }
                    else
                    {
                        DotAvx2(x, wShorts, b0, count, bias, mult, left, right, y);
                    }
                }
            }
        }
    }

    private unsafe void Gather(byte* arena, int t, byte* window)
    {
        ConvShape s = _shape;
        int cin = s.InputChannels;
        int start = s.Start(t);
        for (int tap = 0; tap < s.KernelSize; tap++)
        {
            int pos = start + tap * s.Dilation;
            byte* dst = window + tap * cin;
            if (pos >= 0 && pos < s.InputLength)
            {
                Buffer.MemoryCopy(arena + _input + pos * cin, dst, cin, cin);
            }
            else
            {
                new Span<byte>(dst, cin).Fill(_inputZeroU8);
            }
        }
    }

    private unsafe void DotVnni(byte* x, sbyte* w, int b0, int count, int* bias, int* mult, int* left, int* right, byte* y)
    {
        Vector256<int> acc0 = Avx.LoadVector256(bias + b0 * Lanes);
        Vector256<int> acc1 = count > 1 ? Avx.LoadVector256(bias + (b0 + 1) * Lanes) : default;
        Vector256<int> acc2 = count > 2 ? Avx.LoadVector256(bias + (b0 + 2) * Lanes) : default;
        Vector256<int> acc3 = count > 3 ? Avx.LoadVector256(bias + (b0 + 3) * Lanes) : default;
        int stride = _blocks * Lanes * 4;
        sbyte* wj = w + b0 * Lanes * 4;
        for (int j = 0; j < _groups; j++, wj += stride)
        {
            Vector256<byte> xj = Vector256.Create(*(int*)(x + j * 4)).AsByte();
            acc0 = AvxVnni.MultiplyWideningAndAdd(acc0, xj, Avx.LoadVector256(wj));
            if (count > 1)
            {
                acc1 = AvxVnni.MultiplyWideningAndAdd(acc1, xj, Avx.LoadVector256(wj + 32));
                if (count > 2)
                {
                    acc2 = AvxVnni.MultiplyWideningAndAdd(acc2, xj, Avx.LoadVector256(wj + 64));
                    if (count > 3)
                    {
                        acc3 = AvxVnni.MultiplyWideningAndAdd(acc3, xj, Avx.LoadVector256(wj + 96));
                    }
                }
            }
        }

        StoreBlocks(acc0, acc1, acc2, acc3, b0, count, mult, left, right, y);
    }

    private unsafe void DotAvx2(byte* x, short* w, int b0, int count, int* bias, int* mult, int* left, int* right, byte* y)
    {
        Vector256<int> acc0 = Avx.LoadVector256(bias + b0 * Lanes);
        Vector256<int> acc1 = count > 1 ? Avx.LoadVector256(bias + (b0 + 1) * Lanes) : default;
        Vector256<int> acc2 = count > 2 ? Avx.LoadVector256(bias + (b0 + 2) * Lanes) : default;
        Vector256<int> acc3 = count > 3 ? Avx.LoadVector256(bias + (b0 + 3) * Lanes) : default;
        int stride = _blocks * Lanes * 2;
        short* wj = w + b0 * Lanes * 2;
        for (int j = 0; j < _groups; j++, wj += stride)
        {
            // Two inputs as two int16 in one dword, broadcast: vpmaddwd adds u0 w0 + u1 w1 per lane.
            Vector256<short> xj = Vector256.Create(x[j * 2] | (x[j * 2 + 1] << 16)).AsInt16();
            acc0 = Avx2.Add(acc0, Avx2.MultiplyAddAdjacent(xj, Avx.LoadVector256(wj)));
            if (count > 1)
            {
                acc1 = Avx2.Add(acc1, Avx2.MultiplyAddAdjacent(xj, Avx.LoadVector256(wj + 16)));
                if (count > 2)
                {
                    acc2 = Avx2.Add(acc2, Avx2.MultiplyAddAdjacent(xj, Avx.LoadVector256(wj + 32)));
                    if (count > 3)
                    {
                        acc3 = Avx2.Add(acc3, Avx2.MultiplyAddAdjacent(xj, Avx.LoadVector256(wj + 48)));
                    }
                }
            }
        }

        StoreBlocks(acc0, acc1, acc2, acc3, b0, count, mult, left, right, y);
    }

    private unsafe void StoreBlocks(Vector256<int> acc0, Vector256<int> acc1, Vector256<int> acc2, Vector256<int> acc3, int b0, int count, int* mult, int* left, int* right, byte* y)
    {
        Vector256<int> offset = Vector256.Create(_outputOffsetU8);
        Vector256<int> min = Vector256.Create(_minU8);
        Vector256<int> max = Vector256.Create(_maxU8);
        Store(acc0, b0, mult, left, right, offset, min, max, y);
        if (count > 1)
        {
            Store(acc1, b0 + 1, mult, left, right, offset, min, max, y);
        }

        if (count > 2)
        {
            Store(acc2, b0 + 2, mult, left, right, offset, min, max, y);
        }

        if (count > 3)
        {
            Store(acc3, b0 + 3, mult, left, right, offset, min, max, y);
        }
    }

    private static unsafe void Store(Vector256<int> acc, int block, int* mult, int* left, int* right, Vector256<int> offset, Vector256<int> min, Vector256<int> max, byte* y)
    {
        int at = block * Lanes;
        VectorRequantizer.Store(acc, Avx.LoadVector256(mult + at), Avx.LoadVector256(left + at), Avx.LoadVector256(right + at), offset, min, max, y + at);
    }
}
