using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// DepthwiseConv1dS8 with a fixed geometry. Input: quant block (Cin * multiplier channels), weights
    /// K * Cout int8 ([tap][out channel]), then T frames of Cin int8. Output: OutputLength(T) * Cout int8.
    /// </summary>
    public sealed class DepthwiseConv1dHilAdapter : HilAdapter
    {
        public const int MaxFrames = 64;

        private readonly string _name;
        private readonly DepthwiseConv1dParams _p;
        private readonly CnnQuantBlock _quant;
        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _weights;
        private readonly sbyte[] _input;
        private readonly sbyte[] _output;

        public DepthwiseConv1dHilAdapter(string name, int kernelSize, int inputChannels, int multiplier, int stride, int dilation, Padding1d padding)
        {
            _name = name;
            _p = new DepthwiseConv1dParams();
            _p.KernelSize = kernelSize;
            _p.InputChannels = inputChannels;
            _p.ChannelMultiplier = multiplier;
            _p.Stride = stride;
            _p.Dilation = dilation;
            _p.Padding = padding;
            _quant = new CnnQuantBlock(_p.OutputChannels);
            _weights = new sbyte[kernelSize * _p.OutputChannels];
            _input = new sbyte[MaxFrames * inputChannels];
            _output = new sbyte[MaxFrames * _p.OutputChannels];
        }

        public override string Name { get { return _name; } }

        public DepthwiseConv1dParams Geometry { get { return _p; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            int cin = _p.InputChannels;
            int frames = _quant.ReadLayer(_reader, _weights, cin, MaxFrames);
            if (frames < 0)
            {
                return -1;
            }

            int outFrames = DepthwiseConv1dS8.OutputLength(_p, frames);
            int produced = outFrames * _p.OutputChannels;
            if (outFrames < 1 || produced > maxOutput)
            {
                return -1;
            }

            _reader.SBytes(_input, 0, frames * cin);
            _p.InputOffset = _quant.InputOffset;
            _p.OutputOffset = _quant.OutputOffset;
            _p.ActivationMin = _quant.ActivationMin;
            _p.ActivationMax = _quant.ActivationMax;
            DepthwiseConv1dS8.Run(_p, _quant.Quantization, _input, 0, frames, _weights, 0, _quant.Bias, 0, _output, 0);
            HilWriter.SBytes(_output, produced, output, outputOffset);
            return produced;
        }
    }
}
