using System;

namespace Wearable.Kernels.Crypto
{
    /// <summary>
    /// Comparison whose running time does not depend on where the inputs differ, so an attacker timing
    /// AuthResponse rejections learns nothing about how many proof bytes were right.
    /// </summary>
    public static class FixedTime
    {
        /// <summary>True when the two ranges hold the same bytes; examines all <paramref name="count"/> bytes either way.</summary>
        public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            if (a == null || b == null)
            {
                throw new ArgumentNullException(a == null ? "a" : "b");
            }

            if (count < 0 || aOffset < 0 || bOffset < 0 || aOffset > a.Length - count || bOffset > b.Length - count)
            {
                throw new ArgumentOutOfRangeException("count", "both ranges must lie inside their arrays.");
            }

            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }
    }
}
