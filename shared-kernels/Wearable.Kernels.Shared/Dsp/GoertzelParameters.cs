using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// Bins of a Goertzel band-power bank: per bin the coefficient 2 cos(2 pi f / fs) in Q2.30
    /// (computed on the host by Wearable.Modeling.FilterDesign.GoertzelCoefficient), and the block length N.
    /// </summary>
    public sealed class GoertzelParameters
    {
        /// <summary>State magnitude limit: keeps s1^2 + s2^2 + |c s1 s2| below 2^63.</summary>
        public const int StateLimit = (1 << 30) - 1;

        private readonly int[] _coefficients;
        private readonly int _blockLength;
        private readonly int _guardBits;

        /// <summary>Largest guard-bit count (inputs are clamped to +-2^23, so shifted inputs stay below 2^30).</summary>
        public const int MaxGuardBits = 6;

        /// <param name="coefficientsQ30">2 cos(2 pi f / fs) per bin, Q2.30.</param>
        /// <param name="blockLength">Samples per block N.</param>
        /// <param name="guardBits">
        /// Fraction bits added to the input inside the recursion (0..6). Each step rounds c s1 once; guard
        /// bits shrink that rounding noise relative to the signal. Keep N * max|x| * 2^guardBits below 2^30.
        /// </param>
        public GoertzelParameters(int[] coefficientsQ30, int blockLength, int guardBits)
        {
            if (coefficientsQ30 == null)
            {
                throw new ArgumentNullException("coefficientsQ30");
            }

            if (coefficientsQ30.Length == 0)
            {
                throw new ArgumentException("Give at least one bin coefficient.", "coefficientsQ30");
            }

            if (blockLength < 2)
            {
                throw new ArgumentOutOfRangeException("blockLength", "Block length must be at least 2 samples; got " + blockLength.ToString() + ".");
            }

            if (guardBits < 0 || guardBits > MaxGuardBits)
            {
                throw new ArgumentOutOfRangeException("guardBits", "Goertzel guard bits must be in 0..6; got " + guardBits.ToString() + ".");
            }

            _coefficients = coefficientsQ30;
            _blockLength = blockLength;
            _guardBits = guardBits;
        }

        public int[] Coefficients
        {
            get { return _coefficients; }
        }

        public int BinCount
        {
            get { return _coefficients.Length; }
        }

        public int BlockLength
        {
            get { return _blockLength; }
        }

        public int GuardBits
        {
            get { return _guardBits; }
        }
    }
}
