namespace Wearable.Kernels.FixedPoint
{
    /// <summary>
    /// Clamping to the integer ranges used by the kernels. Kernel state saturates instead of wrapping
    /// (KERNEL-SPEC section 5): a wrapped membrane potential flips sign and fires a burst of false spikes.
    /// </summary>
    public static class Saturation
    {
        /// <summary>Clamps a 64-bit value to int32 (the spec's sat32).</summary>
        public static int ToInt32(long value)
        {
            if (value > int.MaxValue)
            {
                return int.MaxValue;
            }

            if (value < int.MinValue)
            {
                return int.MinValue;
            }

            return (int)value;
        }

        /// <summary>Clamps to int16, the ADC boundary and the sample format on the link.</summary>
        public static short ToInt16(int value)
        {
            if (value > short.MaxValue)
            {
                return short.MaxValue;
            }

            if (value < short.MinValue)
            {
                return short.MinValue;
            }

            return (short)value;
        }

        /// <summary>Clamps to int8, the activation format of the CNN kernels.</summary>
        public static sbyte ToInt8(int value)
        {
            if (value > sbyte.MaxValue)
            {
                return sbyte.MaxValue;
            }

            if (value < sbyte.MinValue)
            {
                return sbyte.MinValue;
            }

            return (sbyte)value;
        }
    }
}
