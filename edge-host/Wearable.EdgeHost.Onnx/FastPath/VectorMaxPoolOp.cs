using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Wearable.Kernels.Cnn;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// Max pooling on uint8 activations, sixteen channels per vector (x + 128 keeps the order of x, so
/// the max and the clamp are the portable <see cref="MaxPool1dS8"/>'s, shifted). Padding taps are
/// skipped; a window with no tap in range keeps the portable kernel's -128 start value.
/// </summary>
public sealed class VectorMaxPoolOp(Pool1dParams p, int inputLength, int inputOffset, int outputOffset) : FastOp
{
    private const int Lanes = 16;

    public override unsafe void Run(byte[] arena)
    {
        int channels = p.Channels;
        int outLength = MaxPool1dS8.OutputLength(p, inputLength);
        int padLeft = ConvGeometry.PadLeft(inputLength, p.PoolSize, p.Stride, 1, p.Padding);
        Vector128<byte> min = Vector128.Create((byte)(p.ActivationMin + 128));
        Vector128<byte> max = Vector128.Create((byte)(p.ActivationMax + 128));
        fixed (byte* a = arena)
        {
            for (int t = 0; t < outLength; t++)
            {
                int start = t * p.Stride - padLeft;
                int lo = Math.Max(start, 0);
                int hi = Math.Min(start + p.PoolSize, inputLength);
                byte* y = a + outputOffset + t * channels;
                for (int c = 0; c < channels; c += Lanes)
                {
                    Vector128<byte> best = Vector128<byte>.Zero;
                    for (int pos = lo; pos < hi; pos++)
                    {
                        best = Sse2.Max(best, Sse2.LoadVector128(a + inputOffset + pos * channels + c));
                    }

                    Sse2.Store(y + c, Sse2.Min(Sse2.Max(best, min), max));
                }
            }
        }
    }
}
