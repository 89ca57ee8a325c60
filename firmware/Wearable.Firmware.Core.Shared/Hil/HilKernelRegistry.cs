using System;

namespace Wearable.Firmware.Hil
{
    /// <summary>The kernels HilRun can name; board layers and the core register them at start-up.</summary>
    public sealed class HilKernelRegistry
    {
        public const int MaxKernels = 32;

        private readonly IHilKernel[] _kernels = new IHilKernel[MaxKernels];
        private readonly byte[][] _names = new byte[MaxKernels][];
        private int _count;

        public int Count { get { return _count; } }

        public void Register(IHilKernel kernel)
        {
            if (kernel == null)
            {
                throw new ArgumentNullException("kernel");
            }

            if (_count == MaxKernels)
            {
                throw new InvalidOperationException("At most " + MaxKernels.ToString() + " HIL kernels can be registered.");
            }

            string name = kernel.Name;
            if (name == null || name.Length == 0 || name.Length > 32)
            {
                throw new ArgumentException("A HIL kernel name is 1..32 ASCII characters.", "kernel");
            }

            var bytes = new byte[name.Length];
            for (int i = 0; i < name.Length; i++)
            {
                bytes[i] = (byte)name[i];
            }

            _kernels[_count] = kernel;
            _names[_count] = bytes;
            _count++;
        }

        /// <summary>Swaps the registered kernel of the same name (fault injection on simulated boards); false when none has that name.</summary>
        public bool Replace(IHilKernel kernel)
        {
            if (kernel == null)
            {
                throw new ArgumentNullException("kernel");
            }

            string name = kernel.Name;
            for (int k = 0; k < _count; k++)
            {
                if (_kernels[k].Name.Equals(name))
                {
                    _kernels[k] = kernel;
                    return true;
                }
            }

            return false;
        }

        /// <summary>The kernel whose name equals the first <paramref name="length"/> bytes of <paramref name="name"/>, or null.</summary>
        public IHilKernel Find(byte[] name, int length)
        {
            for (int k = 0; k < _count; k++)
            {
                byte[] candidate = _names[k];
                if (candidate.Length != length)
                {
                    continue;
                }

                bool same = true;
                for (int i = 0; i < length; i++)
                {
                    if (candidate[i] != name[i])
                    {
                        same = false;
                        break;
                    }
                }

                if (same)
                {
                    return _kernels[k];
                }
            }

            return null;
        }
    }
}
