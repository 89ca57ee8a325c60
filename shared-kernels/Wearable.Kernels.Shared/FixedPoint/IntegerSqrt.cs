using System;

namespace Wearable.Kernels.FixedPoint
{
    /// <summary>
    /// floor(sqrt(n)) by the digit-by-digit (base 4) method: no division, no floating point and at most
    /// 32 iterations for a long, so the worst case is known on a microcontroller.
    /// </summary>
    public static class IntegerSqrt
    {
        /// <summary>floor(sqrt(value)) for value &gt;= 0; throws for negative values.</summary>
        public static int Sqrt(long value)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException("value", "Square root of a negative number: pass a non-negative value (e.g. a sum of squares).");
            }

            ulong remainder = (ulong)value;
            ulong root = 0;
            ulong bit = 1UL << 62;
            while (bit > remainder)
            {
                bit >>= 2;
            }

            while (bit != 0)
            {
                if (remainder >= root + bit)
                {
                    remainder -= root + bit;
                    root = (root >> 1) + bit;
                }
                else
                {
                    root >>= 1;
                }

                bit >>= 2;
            }

            return (int)root;
        }
    }
}
