using Wearable.Kernels.Cnn;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// The geometry of a conv-like op as one matrix-vector product per output frame: conv1d, pointwise
/// (kernel 1) and dense (one frame whose kernel spans the whole input) all read kernel x in_channels
/// input bytes per frame against weights [out][tap][in].
/// </summary>
public sealed record ConvShape(int InputLength, int InputChannels, int OutputChannels, int KernelSize, int Stride, int Dilation, Padding1d Padding)
{
    public int OutputLength => ConvGeometry.OutputLength(InputLength, KernelSize, Stride, Dilation, Padding);

    public int PadLeft => ConvGeometry.PadLeft(InputLength, KernelSize, Stride, Dilation, Padding);

    /// <summary>Input values of one output frame's window.</summary>
    public int Depth => KernelSize * InputChannels;

    /// <summary>First input frame of output frame t (negative in the left padding).</summary>
    public int Start(int t) => t * Stride - PadLeft;

    /// <summary>True when every tap of frame t is inside the input and the taps are adjacent, so the window is one contiguous slice.</summary>
    public bool IsContiguous(int t) => Dilation == 1 && Start(t) >= 0 && Start(t) + KernelSize <= InputLength;
}
