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
            _p = new Conv1dParams();
            _p.KernelSize = kernelSize;
            _p.InputChannels = inputChannels;
            _p.OutputChannels = outputChannels;
            _p.Stride = stride;
            _p.Dilation = dilation;
            _p.Padding = padding;
            _scratch = new int[Conv1dS8.GetBufferSize(_p)];
        }

        public Conv1dParams Geometry { get { return _p; } }

        protected override int OutputFrames(int frames)
        {
            return Conv1dS8.OutputLength(_p, frames);
        }

        protected override int RunKernel(int frames)
        {
            CnnQuantBlock q = Quant;
            q.ApplyTo(_p);
            Conv1dS8.Run(_p, q.Quantization, Input, 0, frames, Weights, 0, q.Bias, 0, Output, 0, _scratch);
            return OutputFrames(frames);
        }
    }
}
