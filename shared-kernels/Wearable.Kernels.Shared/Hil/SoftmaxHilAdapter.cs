using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// SoftmaxS8 over rows of Classes int8. The exp table is fixed by the contract (no floats on the
    /// device): t[0] = 65536, t[d] = (t[d-1] * 62339 + 32768) >> 16, i.e. exp(-0.05 d) in Q16 to within
    /// rounding. Input: rows * Classes int8 (1..MaxRows rows). Output: the same count of int8.
    /// </summary>
    public sealed class SoftmaxHilAdapter : HilAdapter
    {
        public const int MaxRows = 64;
        public const int DecayQ16 = 62339;

        private readonly string _name;
        private readonly SoftmaxParams _p = new SoftmaxParams();
        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _input;
        private readonly sbyte[] _output;

        public SoftmaxHilAdapter(string name, int classes)
        {
            _name = name;
            _p.Classes = classes;
            int[] table = _p.ExpTable;
            table[0] = 65536;
            for (int d = 1; d < SoftmaxParams.TableLength; d++)
            {
                table[d] = (int)((((long)table[d - 1] * DecayQ16) + 32768) >> 16);
            }

            _input = new sbyte[MaxRows * classes];
            _output = new sbyte[MaxRows * classes];
        }

        public override string Name { get { return _name; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            int classes = _p.Classes;
            int rows = length / classes; // safe division: length is a byte count >= 0
            if (length % classes != 0 || rows < 1 || rows > MaxRows || length > maxOutput) // safe division: length is a byte count >= 0
            {
                return -1;
            }

            _reader.Start(input, offset, length);
            if (!_reader.SBytes(_input, 0, length))
            {
                return -1;
            }

            SoftmaxS8.Run(_p, _input, 0, rows, _output, 0);
            HilWriter.SBytes(_output, length, output, outputOffset);
            return length;
        }
    }
}
