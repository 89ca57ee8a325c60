using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// DenseS8 (fully connected). Input: quant block (Units channels), weights Units * InputSize int8
    /// (row per unit), then exactly InputSize int8. Output: Units int8.
    /// </summary>
    public sealed class DenseHilAdapter : HilAdapter
    {
        private readonly string _name;
        private readonly DenseParams _p;
        private readonly CnnQuantBlock _quant;
        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _weights;
        private readonly sbyte[] _input;
        private readonly sbyte[] _output;
        private readonly int[] _scratch;

        public DenseHilAdapter(string name, int inputSize, int units)
        {
            _name = name;
            _p = new DenseParams();
            _p.InputSize = inputSize;
            _p.Units = units;
            _quant = new CnnQuantBlock(units);
            _weights = new sbyte[units * inputSize];
            _input = new sbyte[inputSize];
            _output = new sbyte[units];
            _scratch = new int[DenseS8.GetBufferSize(_p)];
        }

        public override string Name { get { return _name; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            if (!_quant.Read(_reader) || !_reader.SBytes(_weights, 0, _weights.Length) || _reader.Remaining != _p.InputSize || _p.Units > maxOutput)
            {
                return -1;
            }

            _reader.SBytes(_input, 0, _p.InputSize);
            _p.InputOffset = _quant.InputOffset;
            _p.OutputOffset = _quant.OutputOffset;
            _p.ActivationMin = _quant.ActivationMin;
            _p.ActivationMax = _quant.ActivationMax;
            DenseS8.Run(_p, _quant.Quantization, _input, 0, _weights, 0, _quant.Bias, 0, _output, 0, _scratch);
            HilWriter.SBytes(_output, _p.Units, output, outputOffset);
            return _p.Units;
        }
    }
}
