using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// Quantized coefficients of a cascade of second-order sections, designed on the host
    /// (Wearable.Modeling.FilterDesign) and stored as five Q2.30 int32 per section:
    /// b0, b1, b2, a1, a2 of H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2).
    /// </summary>
    public sealed class BiquadCascadeParameters
    {
        /// <summary>Fraction bits of the coefficients (Q2.30: range [-2, 2)).</summary>
        public const int CoefficientFractionBits = 30;

        /// <summary>int32 values per section.</summary>
        public const int CoefficientsPerSection = 5;

        /// <summary>
        /// Largest magnitude of the state and the output. With |coefficient| &lt; 2^31 and |state| &lt;= 2^29,
        /// the five products plus the carried error stay below 5 * 2^60 + 2^30 &lt; 2^63: the int64
        /// accumulator cannot wrap, so only the stored values need clamping.
        /// </summary>
        public const int StateLimit = (1 << 29) - 1;

        /// <summary>Largest guard-bit count: a full-scale int16 sample shifted by it stays below 2^28 (4x headroom).</summary>
        public const int MaxGuardBits = 13;

        private readonly int[] _coefficients;
        private readonly int _guardBits;

        /// <param name="coefficients">5 values per section, Q2.30 (see class summary); the array is kept, not copied.</param>
        /// <param name="guardBits">
        /// Extra fraction bits carried in the state and output relative to an int16 input (0..13). They are what lets a
        /// 0.5 Hz high-pass at 256 Hz stay within -80 dB of the double reference.
        /// </param>
        public BiquadCascadeParameters(int[] coefficients, int guardBits)
        {
            if (coefficients == null)
            {
                throw new ArgumentNullException("coefficients");
            }

            if (coefficients.Length == 0 || coefficients.Length % CoefficientsPerSection != 0)
            {
                throw new ArgumentException("Biquad coefficients must be 5 per section (b0 b1 b2 a1 a2); got " + coefficients.Length.ToString() + " values.", "coefficients");
            }

            if (guardBits < 0 || guardBits > MaxGuardBits)
            {
                throw new ArgumentOutOfRangeException("guardBits", "Guard bits must be in 0..13; got " + guardBits.ToString() + ".");
            }

            _coefficients = coefficients;
            _guardBits = guardBits;
        }

        /// <summary>Number of second-order sections.</summary>
        public int SectionCount
        {
            get { return _coefficients.Length / CoefficientsPerSection; }
        }

        /// <summary>b0 b1 b2 a1 a2 per section, Q2.30.</summary>
        public int[] Coefficients
        {
            get { return _coefficients; }
        }

        /// <summary>Fraction bits of state and output beyond the int16 input's LSB.</summary>
        public int GuardBits
        {
            get { return _guardBits; }
        }
    }
}
