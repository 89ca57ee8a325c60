using System;
using Wearable.Kernels.Hil;

namespace Wearable.Firmware.Hil
{
    /// <summary>A shared <see cref="HilAdapter"/> in the device registry: the same class the desktop made the golden outputs with.</summary>
    public sealed class AdapterHilKernel : IHilKernel
    {
        private readonly HilAdapter _adapter;

        public AdapterHilKernel(HilAdapter adapter)
        {
            if (adapter == null)
            {
                throw new ArgumentNullException("adapter");
            }

            _adapter = adapter;
        }

        public string Name { get { return _adapter.Name; } }

        public int Run(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int maxOutput)
        {
            return _adapter.Run(input, inputOffset, inputLength, output, outputOffset, maxOutput);
        }
    }
}
