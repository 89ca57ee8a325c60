using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// PointwiseConvS8 (1x1 conv). Input: quant block (Cout channels), weights Cout * Cin int8, then T frames
    /// of Cin int8. Output: T * Cout int8.
    /// </summary>
    public sealed class PointwiseConvHilAdapter : QuantizedLayerHilAdapter
    {
        public const int MaxFrames = 64;

        private readonly PointwiseConvParams _p;
        private readonly int[] _scratch;

        public PointwiseConvHilAdapter(string name, int inputChannels, int outputChannels)
            : base(name, inputChannels, outputChannels, outputChannels * inputChannels, MaxFrames)
        {
            _p = new PointwiseConvParams();
            _p.InputChannels = inputChannels;
            _p.OutputChannels = outputChannels;
            _scratch = new int[PointwiseConvS8.GetBufferSize(_p)];
        }

        protected override int OutputFrames(int frames)
        {
            return frames;
        }

        protected override int RunKernel(int frames)
        {
            Quant.ApplyTo(_p);
            PointwiseConvS8.Run(_p, Quant.Quantization, Input, 0, frames, Weights, 0, Quant.Bias, 0, Output, 0, _scratch);
            return frames;
        }
    }
}
