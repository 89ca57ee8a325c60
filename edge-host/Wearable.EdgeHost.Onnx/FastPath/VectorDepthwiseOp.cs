using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Wearable.Kernels.Cnn;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// Depthwise conv1d with channel multiplier 1 on AVX2, eight channels per vector, bit-exact with
/// <see cref="DepthwiseConv1dS8"/>: acc = bias + sum over in-range taps of (u - z_u) w, taps in the
/// padding skipped exactly as the portable kernel skips them.
/// </summary>
public sealed class VectorDepthwiseOp : FastOp
{
    private const int Lanes = 8;
    private readonly DepthwiseConv1dParams _p;
    private readonly int _inputLength;
    private readonly int _input;
    private readonly int _output;
    private readonly int _blocks;
    private readonly int[] _weights;
    private readonly int[] _bias;
    private readonly LaneRequantization _requantization;

    public VectorDepthwiseOp(DepthwiseConv1dParams p, int inputLength, sbyte[] weights, int[] bias, ChannelQuantization quant, int inputOffset, int outputOffset)
    {
        if (p.ChannelMultiplier != 1)
        {
            throw new ArgumentException("The vector depthwise op needs channel multiplier 1.", nameof(p));
        }

        _p = p;
        _inputLength = inputLength;
        _input = inputOffset;
        _output = outputOffset;
        int channels = p.InputChannels;
        _blocks = (channels + Lanes - 1) / Lanes;
        int padded = _blocks * Lanes;
        _weights = new int[p.KernelSize * padded];
        _bias = new int[padded];
        _requantization = new LaneRequantization(quant, channels, padded);
        for (int c = 0; c < channels; c++)
        {
            for (int k = 0; k < p.KernelSize; k++)
            {
                _weights[k * padded + c] = weights[k * channels + c];
            }

            _bias[c] = bias[c];
        }
    }

    public override unsafe void Run(byte[] arena)
    {
        DepthwiseConv1dParams p = _p;
        int channels = p.InputChannels;
        int padded = _blocks * Lanes;
        int outLength = DepthwiseConv1dS8.OutputLength(p, _inputLength);
        int padLeft = ConvGeometry.PadLeft(_inputLength, p.KernelSize, p.Stride, p.Dilation, p.Padding);
        Vector256<int> zero = Vector256.Create(-p.InputOffset + 128);
        Vector256<int> offset = Vector256.Create(p.OutputOffset + 128);
        Vector256<int> min = Vector256.Create(p.ActivationMin + 128);
        Vector256<int> max = Vector256.Create(p.ActivationMax + 128);
        fixed (byte* a = arena)
        fixed (int* w = _weights, bias = _bias, mult = _requantization.Multiplier, left = _requantization.LeftShift, right = _requantization.RightShift)
        {
            for (int t = 0; t < outLength; t++)
            {
                int start = t * p.Stride - padLeft;
                byte* y = a + _output + t * channels;
                for (int b = 0; b < _blocks; b++)
                {
                    int c = b * Lanes;
                    Vector256<int> acc = Avx.LoadVector256(bias + c);
                    for (int k = 0; k < p.KernelSize; k++)
                    {
                        int pos = start + k * p.Dilation;
                        if (pos < 0 || pos >= _inputLength)
                        {
                            continue;
                        }

                        Vector256<int> u = Avx2.ConvertToVector256Int32(a + _input + pos * channels + c);
                        acc = Avx2.Add(acc, Avx2.MultiplyLow(Avx2.Subtract(u, zero), Avx.LoadVector256(w + k * padded + c)));
                    }

                    VectorRequantizer.Store(acc, Avx.LoadVector256(mult + c), Avx.LoadVector256(left + c), Avx.LoadVector256(right + c), offset, min, max, y + c);
                }
            }
        }
    }
}
