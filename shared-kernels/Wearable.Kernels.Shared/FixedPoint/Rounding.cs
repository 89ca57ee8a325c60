namespace Wearable.Kernels.FixedPoint
{
    /// <summary>
    /// The three ways the kernels drop fraction bits. Which one a kernel uses is part of its contract
    /// (docs/kernels.md): RTZ for the spiking decay (matches C's and C#'s integer division, so a C twin
    /// gets it for free), round-half-up for the filters (unbiased enough and one add plus one shift).
    /// </summary>
    public static class Rounding
    {
        /// <summary>
        /// value / 2^shift rounded toward zero: C# <c>/</c> on long, the spec's RTZ(a, n). shift in [0, 62].
        /// </summary>
        public static long DivPow2TowardZero(long value, int shift)
        {
            return value / (1L << shift);
        }

        /// <summary>value / 2^shift rounded half up (toward +infinity on ties): (value + 2^(shift-1)) >> shift.</summary>
        public static long ShiftRightRounded(long value, int shift)
        {
            if (shift <= 0)
            {
                return value;
            }

            // value + half cannot overflow for |value| < 2^62, which every caller guarantees by construction.
            return (value + (1L << (shift - 1))) >> shift;
        }

        /// <summary>Rounded right shift of an int, saturated to int32 (it can only grow by one for shift 0).</summary>
        public static int ShiftRightRounded(int value, int shift)
        {
            return Saturation.ToInt32(ShiftRightRounded((long)value, shift));
        }

        /// <summary>
        /// The TFLite/CMSIS-NN RoundingDivideByPOT of KERNEL-SPEC section 1: round half away from zero.
        /// </summary>
        public static int RoundingDivPow2(int value, int exponent)
        {
            if (exponent <= 0)
            {
                return value;
            }

            int mask = (int)((1L << exponent) - 1);
            int remainder = value & mask;
            int threshold = (mask >> 1) + (value < 0 ? 1 : 0);
            return (value >> exponent) + (remainder > threshold ? 1 : 0);
        }

        /// <summary>value * 2^shift clamped to int32 (a left shift that saturates instead of losing the sign).</summary>
        public static int ShiftLeftSaturated(int value, int shift)
        {
            if (shift >= 32)
            {
                return value == 0 ? 0 : (value > 0 ? int.MaxValue : int.MinValue);
            }

            return Saturation.ToInt32((long)value << shift);
        }
    }
}
