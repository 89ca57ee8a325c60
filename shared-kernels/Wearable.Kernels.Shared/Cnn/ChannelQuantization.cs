namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// The (multiplier, shift) pairs of an op's output channels, as TFLite's QuantizeMultiplier
    /// computes them on the host. One entry means per-tensor: every channel uses entry 0.
    /// </summary>
    public sealed class ChannelQuantization
    {
        public ChannelQuantization(int[] multipliers, int[] shifts)
        {
            if (multipliers == null)
            {
                throw new System.ArgumentNullException("multipliers");
            }

            if (shifts == null)
            {
                throw new System.ArgumentNullException("shifts");
            }

            if (multipliers.Length != shifts.Length || multipliers.Length == 0)
            {
                throw new System.ArgumentException("multipliers and shifts must have the same, non-zero length");
            }

            Multipliers = multipliers;
            Shifts = shifts;
        }

        /// <summary>Q31 multipliers in [2^30, 2^31) (0 for a flushed, negligible scale).</summary>
        public int[] Multipliers { get; private set; }

        /// <summary>Power-of-two exponents in [-31, 30]; positive means shift left.</summary>
        public int[] Shifts { get; private set; }

        /// <summary>Number of entries (1 for per-tensor).</summary>
        public int Count
        {
            get { return Multipliers.Length; }
        }

        /// <summary>True when one pair serves all channels.</summary>
        public bool IsPerTensor
        {
            get { return Multipliers.Length == 1; }
        }
    }
}
