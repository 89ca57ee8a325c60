using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// StreamingCausalConv1dS8 fed frame by frame from a reset state. Input: quant block (Cout channels),
    /// weights Cout * K * Cin int8, then T frames of Cin int8. Output: Cout int8 for every frame that
    /// completes an output, in order.
    /// </summary>
    public sealed class StreamingConvHilAdapter : QuantizedLayerHilAdapter
    {
        public const int MaxFrames = 64;

        private readonly Conv1dParams _p;
        private readonly StreamingCausalConv1dS8 _conv;

        public StreamingConvHilAdapter(string name, int kernelSize, int inputChannels, int outputChannels, int stride, int dilation)
            : base(name, inputChannels, outputChannels, outputChannels * kernelSize * inputChannels, MaxFrames)
        {
            _p = Conv1dHilAdapter.CreateGeometry(kernelSize, inputChannels, outputChannels, stride, dilation, Padding1d.Causal);
            _conv = new StreamingCausalConv1dS8(_p, Quant.Quantization, Weights, 0, Quant.Bias, 0);
        }

        // The bound: a frame completes at most one output.
        protected override int OutputFrames(int frames)
        {
            return frames;
        }

        protected override int RunKernel(int frames)
        {
            Quant.ApplyTo(_p);
            _conv.Reset();
            int made = 0;
            for (int t = 0; t < frames; t++)
            {
                if (_conv.Push(Input, t * _p.InputChannels, Output, made * _p.OutputChannels))
                {
                    made++;
                }
            }

            return made;
        }
    }
}
