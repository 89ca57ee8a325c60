namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// The int32 -> int8 requantization of TFLite Micro / CMSIS-NN ("double rounding", their default
    /// build). Every CNN kernel and every native twin must produce exactly these integers; the rule is
    /// written down in docs/cnn-kernels.md. Single rounding differs by 1 LSB in ~4 % of cases, so the
    /// flavour is fixed project-wide.
    /// </summary>
    public static class Requantize
    {
        /// <summary>
        /// (a * m + 2^30) >> 31 in 64 bits: the high word of the doubled product with the midpoint
        /// rounded up. No saturation is needed because m is at most 2^31 - 1.
        /// </summary>
        public static int DoublingHighMul(int a, int m)
        {
            long product = (long)a * m + (1L << 30);
            return (int)(product >> 31);
        }

        /// <summary>
        /// x / 2^e rounded to nearest with the midpoint rounded away from zero; e in [0, 31].
        /// </summary>
        public static int RoundingDivPow2(int x, int e)
        {
            int mask = (int)((1L << e) - 1);
            int remainder = x & mask;
            int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
            return (x >> e) + (remainder > threshold ? 1 : 0);
        }

        /// <summary>
        /// requant(acc, M, S) = RoundingDivPow2(DoublingHighMul(acc * 2^max(S,0), M), max(-S,0)).
        /// The left shift is an int32 product as in CMSIS-NN (it wraps like C would; multipliers above
        /// one are rare and the host refuses scales that could overflow).
        /// </summary>
        public static int Apply(int acc, int multiplier, int shift)
        {
            if (shift > 0)
            {
                return DoublingHighMul(acc << shift, multiplier);
            }

            return RoundingDivPow2(DoublingHighMul(acc, multiplier), -shift);
        }

        /// <summary>requant + output offset, clamped to the activation range (the ReLU/ReLU6 bounds).</summary>
        public static sbyte ToActivation(int acc, int multiplier, int shift, int outputOffset, int activationMin, int activationMax)
        {
            int y = Apply(acc, multiplier, shift) + outputOffset;
            if (y < activationMin)
            {
                y = activationMin;
            }

            if (y > activationMax)
            {
                y = activationMax;
            }

            return (sbyte)y;
        }
    }
}
