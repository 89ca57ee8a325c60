using Wearable.Kernels.Cnn;
using Wearable.Kernels.Link;

namespace Wearable.Kernels.Hil
{
    /// <summary>ArgMaxS8. Input: 1..MaxInput int8. Output: the index as u16 little-endian.</summary>
    public sealed class ArgMaxHilAdapter : HilAdapter
    {
        public const string KernelName = "cnn.argmax";

        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _input = new sbyte[MaxInput];

        public override string Name { get { return KernelName; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            if (length < 1 || maxOutput < 2 || !_reader.SBytes(_input, 0, length))
            {
                return -1;
            }

            LinkBytes.WriteUInt16(output, outputOffset, ArgMaxS8.Run(_input, 0, length));
            return 2;
        }
    }
}
