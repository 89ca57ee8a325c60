using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// Conv1dS8 with a geometry fixed by the kernel name. Input: quant block (Cout channels), weights
    /// Cout * K * Cin int8, then T frames of Cin int8 (T from the remaining length, 1..MaxFrames).
    /// Output: OutputLength(T) * Cout int8.
    /// </summary>
    public sealed class Conv1dHilAdapter : HilAdapter
    {
        public const int MaxFrames = 64;

        private readonly string _name;
        private readonly Conv1dParams _p;
        private readonly CnnQuantBlock _quant;
        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _weights;
        private readonly sbyte[] _input;
        private readonly sbyte[] _output;
        private readonly int[] _scratch;

        public Conv1dHilAdapter(string name, int kernelSize, int inputChannels, int outputChannels, int stride, int dilation, Padding1d padding)
        {
            _name = name;
            _p = new Conv1dParams();
            _p.KernelSize = kernelSize;
            _p.InputChannels = inputChannels;
            _p.OutputChannels = outputChannels;
            _p.Stride = stride;
            _p.Dilation = dilation;
            _p.Padding = padding;
            _quant = new CnnQuantBlock(outputChannels);
            _weights = new sbyte[outputChannels * kernelSize * inputChannels];
            _input = new sbyte[MaxFrames * inputChannels];
            _output = new sbyte[MaxFrames * outputChannels];
            _scratch = new int[Conv1dS8.GetBufferSize(_p)];
        }

        public override string Name { get { return _name; } }

        public Conv1dParams Geometry { get { return _p; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            int cin = _p.InputChannels;
            int frames = _quant.ReadLayer(_reader, _weights, cin, MaxFrames);
            if (frames < 0)
            {
                return -1;
            }

            int outFrames = Conv1dS8.OutputLength(_p, frames);
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
            Conv1dS8.Run(_p, _quant.Quantization, _input, 0, frames, _weights, 0, _quant.Bias, 0, _output, 0, _scratch);
            HilWriter.SBytes(_output, produced, output, outputOffset);
            return produced;
        }
    }
}
