using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// Requantize.ToActivation, the rounding every int8 op ends with. Input: multiplier i32, shift i8,
    /// output offset i8, activation min i8, max i8, then N int32 accumulators (1..MaxCount). Output: N int8.
    /// </summary>
    public sealed class RequantizeHilAdapter : HilAdapter
    {
        public const string KernelName = "cnn.requantize";
        public const int MaxCount = 240;

        private readonly HilReader _reader = new HilReader();

        public override string Name { get { return KernelName; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            int multiplier = _reader.Int32();
            int shift = _reader.SByte();
            int outputOffsetValue = _reader.SByte();
            int min = _reader.SByte();
            int max = _reader.SByte();
            int count = _reader.Remaining / 4;
            if (_reader.Overrun || _reader.Remaining % 4 != 0 || count < 1 || count > MaxCount || count > maxOutput
                || multiplier < 0 || shift < -31 || shift > 30 || min > max)
            {
                return -1;
            }

            for (int i = 0; i < count; i++)
            {
                int acc = _reader.Int32();
                output[outputOffset + i] = (byte)Requantize.ToActivation(acc, multiplier, shift, outputOffsetValue, min, max);
            }

            return count;
        }
    }
}
