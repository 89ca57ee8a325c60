using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// StreamingCausalConv1dS8 fed frame by frame from a reset state. Input: quant block (Cout channels),
    /// weights Cout * K * Cin int8, then T frames of Cin int8. Output: Cout int8 for every frame that
    /// completes an output, in order.
    /// </summary>
    public sealed class StreamingConvHilAdapter : HilAdapter
    {
        public const int MaxFrames = 64;

        private readonly string _name;
        private readonly Conv1dParams _p;
        private readonly CnnQuantBlock _quant;
        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _weights;
        private readonly sbyte[] _frame;
        private readonly sbyte[] _out;
        private readonly StreamingCausalConv1dS8 _conv;

        public StreamingConvHilAdapter(string name, int kernelSize, int inputChannels, int outputChannels, int stride, int dilation)
        {
            _name = name;
            _p = new Conv1dParams();
            _p.KernelSize = kernelSize;
            _p.InputChannels = inputChannels;
            _p.OutputChannels = outputChannels;
            _p.Stride = stride;
            _p.Dilation = dilation;
            _p.Padding = Padding1d.Causal;
            _quant = new CnnQuantBlock(outputChannels);
            _weights = new sbyte[outputChannels * kernelSize * inputChannels];
            _frame = new sbyte[inputChannels];
            _out = new sbyte[outputChannels];
            _conv = new StreamingCausalConv1dS8(_p, _quant.Quantization, _weights, 0, _quant.Bias, 0);
        }

        public override string Name { get { return _name; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            int cin = _p.InputChannels;
            int cout = _p.OutputChannels;
            int frames = _quant.ReadLayer(_reader, _weights, cin, MaxFrames);
            if (frames < 0 || frames * cout > maxOutput)
            {
                return -1;
            }

            _p.InputOffset = _quant.InputOffset;
            _p.OutputOffset = _quant.OutputOffset;
            _p.ActivationMin = _quant.ActivationMin;
            _p.ActivationMax = _quant.ActivationMax;
            _conv.Reset();
            int produced = 0;
            for (int t = 0; t < frames; t++)
            {
                _reader.SBytes(_frame, 0, cin);
                if (_conv.Push(_frame, 0, _out, 0))
                {
                    HilWriter.SBytes(_out, cout, output, outputOffset + produced);
                    produced += cout;
                }
            }

            return produced;
        }
    }
}
