namespace Wearable.Kernels.FixedPoint
{
    /// <summary>
    /// Additions and subtractions that clamp instead of wrapping (KERNEL-SPEC section 5): a wrapped
    /// sum turns a large positive value into a large negative one, which a filter or membrane would
    /// then propagate for many samples.
    /// </summary>
    public static class SaturatingArithmetic
    {
        /// <summary>a + b clamped to int32.</summary>
        public static int Add32(int a, int b)
        {
            return Saturation.ToInt32((long)a + b);
        }

        /// <summary>a - b clamped to int32.</summary>
        public static int Sub32(int a, int b)
        {
            return Saturation.ToInt32((long)a - b);
        }

        /// <summary>a + b clamped to int16.</summary>
        public static short Add16(short a, short b)
        {
            return Saturation.ToInt16(a + b);
        }

        /// <summary>a - b clamped to int16.</summary>
        public static short Sub16(short a, short b)
        {
            return Saturation.ToInt16(a - b);
        }

        /// <summary>|a| clamped to int32 (|int.MinValue| becomes int.MaxValue instead of staying negative).</summary>
        public static int Abs32(int a)
        {
            if (a >= 0)
            {
                return a;
            }

            return a == int.MinValue ? int.MaxValue : -a;
        }
    }
}
