using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// PointwiseConvS8 (1x1 conv). Input: quant block (Cout channels), weights Cout * Cin int8, then T frames
    /// of Cin int8. Output: T * Cout int8.
    /// </summary>
    public sealed class PointwiseConvHilAdapter : HilAdapter
    {
        public const int MaxFrames = 64;

        private readonly string _name;
        private readonly PointwiseConvParams _p;
        private readonly CnnQuantBlock _quant;
        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _weights;
        private readonly sbyte[] _input;
        private readonly sbyte[] _output;
        private readonly int[] _scratch;

        public PointwiseConvHilAdapter(string name, int inputChannels, int outputChannels)
        {
            _name = name;
            _p = new PointwiseConvParams();
            _p.InputChannels = inputChannels;
            _p.OutputChannels = outputChannels;
            _quant = new CnnQuantBlock(outputChannels);
            _weights = new sbyte[outputChannels * inputChannels];
            _input = new sbyte[MaxFrames * inputChannels];
            _output = new sbyte[MaxFrames * outputChannels];
            _scratch = new int[PointwiseConvS8.GetBufferSize(_p)];
        }

        public override string Name { get { return _name; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            int cin = _p.InputChannels;
            int frames = _quant.ReadLayer(_reader, _weights, cin, MaxFrames);
            int produced = frames * _p.OutputChannels;
            if (frames < 0 || produced > maxOutput)
            {
                return -1;
            }

            _reader.SBytes(_input, 0, frames * cin);
            _p.InputOffset = _quant.InputOffset;
            _p.OutputOffset = _quant.OutputOffset;
            _p.ActivationMin = _quant.ActivationMin;
            _p.ActivationMax = _quant.ActivationMax;
            PointwiseConvS8.Run(_p, _quant.Quantization, _input, 0, frames, _weights, 0, _quant.Bias, 0, _output, 0, _scratch);
            HilWriter.SBytes(_output, produced, output, outputOffset);
            return produced;
        }
    }
}
