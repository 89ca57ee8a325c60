namespace Wearable.Kernels.FixedPoint
{
    /// <summary>
    /// Q1.31 multiplication: both operands in [-1, 1), product rounded to Q1.31. The one product that
    /// does not fit, (-1) * (-1), saturates to the largest value instead of wrapping to -1.
    /// </summary>
    public static class Q31
    {
        /// <summary>The Q1.31 value closest to 1.</summary>
        public const int One = int.MaxValue;

        /// <summary>round(a * b / 2^31), saturated; equals KERNEL-SPEC's DoublingHighMul.</summary>
        public static int Multiply(int a, int b)
        {
            if (a == int.MinValue && b == int.MinValue)
            {
                return int.MaxValue;
            }

            return (int)(((long)a * b + (1L << 30)) >> 31);
        }

        /// <summary>round(a * b / 2^shift) for a Qm.shift coefficient b, saturated to int32. shift in [1, 62].</summary>
        public static int MultiplyShift(int a, int b, int shift)
        {
            return Saturation.ToInt32(((long)a * b + (1L << (shift - 1))) >> shift);
        }
    }
}
