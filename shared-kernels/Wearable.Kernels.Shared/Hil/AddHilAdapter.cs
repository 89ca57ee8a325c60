using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// AddS8 (residual add). Input: ten i32 (input 1 offset, input 2 offset, output offset, left shift,
    /// M1, S1, M2, S2, Mout, Sout), activation min i8, max i8, then N int8 of input 1 and N int8 of
    /// input 2 (N = half the rest, 1..MaxCount). Output: N int8.
    /// </summary>
    public sealed class AddHilAdapter : HilAdapter
    {
        public const string KernelName = "cnn.add";
        public const int MaxCount = 480;

        private readonly AddParams _p = new AddParams();
        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _a = new sbyte[MaxCount];
        private readonly sbyte[] _b = new sbyte[MaxCount];
        private readonly sbyte[] _output = new sbyte[MaxCount];

        public override string Name { get { return KernelName; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            _p.Input1Offset = _reader.Int32();
            _p.Input2Offset = _reader.Int32();
            _p.OutputOffset = _reader.Int32();
            _p.LeftShift = _reader.Int32();
            _p.Input1Multiplier = _reader.Int32();
            _p.Input1Shift = _reader.Int32();
            _p.Input2Multiplier = _reader.Int32();
            _p.Input2Shift = _reader.Int32();
            _p.OutputMultiplier = _reader.Int32();
            _p.OutputShift = _reader.Int32();
            _p.ActivationMin = _reader.SByte();
            _p.ActivationMax = _reader.SByte();
            int count = _reader.Remaining / 2;
            if (_reader.Overrun || _reader.Remaining % 2 != 0 || count < 1 || count > MaxCount || count > maxOutput
                || _p.ActivationMin > _p.ActivationMax || _p.LeftShift < 0 || _p.LeftShift > 24
                || !ShiftOk(_p.Input1Shift) || !ShiftOk(_p.Input2Shift) || !ShiftOk(_p.OutputShift))
            {
                return -1;
            }

            _reader.SBytes(_a, 0, count);
            _reader.SBytes(_b, 0, count);
            AddS8.Run(_p, _a, 0, _b, 0, count, _output, 0);
            HilWriter.SBytes(_output, count, output, outputOffset);
            return count;
        }

        private static bool ShiftOk(int shift)
        {
            return shift >= -31 && shift <= 0;
        }
    }
}
