using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// Conv1dS8 with a geometry fixed by the kernel name. Input: quant block (Cout channels), weights
    /// Cout * K * Cin int8, then T frames of Cin int8 (T from the remaining length, 1..MaxFrames).
    /// Output: OutputLength(T) * Cout int8.
    /// </summary>
    public sealed class Conv1dHilAdapter : QuantizedLayerHilAdapter
    {
        public const int MaxFrames = 64;

        private readonly Conv1dParams _p;
        private readonly int[] _scratch;

        public Conv1dHilAdapter(string name, int kernelSize, int inputChannels, int outputChannels, int stride, int dilation, Padding1d padding)
            : base(name, inputChannels, outputChannels, outputChannels * kernelSize * inputChannels, MaxFrames)
        {
            _p = CreateGeometry(kernelSize, inputChannels, outputChannels, stride, dilation, padding);
            _scratch = new int[Conv1dS8.GetBufferSize(_p)];
        }

        /// <summary>The conv parameters of a fixed geometry (offsets and clamp come with each run's quant block).</summary>
        public static Conv1dParams CreateGeometry(int kernelSize, int inputChannels, int outputChannels, int stride, int dilation, Padding1d padding)
        {
            var p = new Conv1dParams();
            p.KernelSize = kernelSize;
            p.InputChannels = inputChannels;
            p.OutputChannels = outputChannels;
            p.Stride = stride;
            p.Dilation = dilation;
            p.Padding = padding;
            return p;
        }

        public Conv1dParams Geometry { get { return _p; } }

        protected override int OutputFrames(int frames)
        {
            return Conv1dS8.OutputLength(_p, frames);
        }

        protected override int RunKernel(int frames)
        {
            Quant.ApplyTo(_p);
            Conv1dS8.Run(_p, Quant.Quantization, Input, 0, frames, Weights, 0, Quant.Bias, 0, Output, 0, _scratch);
            return OutputFrames(frames);
        }
    }
}
