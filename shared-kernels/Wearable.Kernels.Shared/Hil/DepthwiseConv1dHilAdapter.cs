using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// DepthwiseConv1dS8 with a fixed geometry. Input: quant block (Cin * multiplier channels), weights
    /// K * Cout int8 ([tap][out channel]), then T frames of Cin int8. Output: OutputLength(T) * Cout int8.
    /// </summary>
    public sealed class DepthwiseConv1dHilAdapter : QuantizedLayerHilAdapter
    {
        public const int MaxFrames = 64;

        private readonly DepthwiseConv1dParams _p;

        public DepthwiseConv1dHilAdapter(string name, int kernelSize, int inputChannels, int multiplier, int stride, int dilation, Padding1d padding)
            : base(name, inputChannels, inputChannels * multiplier, kernelSize * inputChannels * multiplier, MaxFrames)
        {
            _p = new DepthwiseConv1dParams();
            _p.KernelSize = kernelSize;
            _p.InputChannels = inputChannels;
            _p.ChannelMultiplier = multiplier;
            _p.Stride = stride;
            _p.Dilation = dilation;
            _p.Padding = padding;
        }

        public DepthwiseConv1dParams Geometry { get { return _p; } }

        protected override int OutputFrames(int frames)
        {
            return DepthwiseConv1dS8.OutputLength(_p, frames);
        }

        protected override int RunKernel(int frames)
        {
            Quant.ApplyTo(_p);
            DepthwiseConv1dS8.Run(_p, Quant.Quantization, Input, 0, frames, Weights, 0, Quant.Bias, 0, Output, 0);
            return OutputFrames(frames);
        }
    }
}
