using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// Sliding-window time-domain sEMG features (Hudgins set): window and hop in samples, and the
    /// noise thresholds that keep ZC and SSC from counting baseline noise.
    /// </summary>
    public sealed class WindowFeaturesParameters
    {
        /// <summary>Largest window: keeps the running sum of squares (|x| &lt; 2^23) below 2^62.</summary>
        public const int MaxWindowLength = 65535;

        /// <summary>Inputs are clamped to +-InputLimit so the running sums provably fit in int64.</summary>
        public const int InputLimit = (1 << 23) - 1;

        /// <summary>Largest SSC threshold; products of two clamped differences stay below 2^48 anyway.</summary>
        public const long MaxSlopeSignChangeThreshold = 1L << 50;

        /// <summary>Largest ZC threshold; larger values could never be reached by |x[n] - x[n-1]| &lt; 2^24.</summary>
        public const int MaxZeroCrossingThreshold = 1 << 24;

        private readonly int _windowLength;
        private readonly int _hop;
        private readonly int _zeroCrossingThreshold;
        private readonly long _slopeSignChangeThreshold;

        /// <param name="windowLength">Samples per window (e.g. 400 = 200 ms at 2 kHz).</param>
        /// <param name="hop">Samples between feature outputs (e.g. 100 = 50 ms at 2 kHz).</param>
        /// <param name="zeroCrossingThreshold">A sign change counts only if |x[n] - x[n-1]| is at least this.</param>
        /// <param name="slopeSignChangeThreshold">A slope sign change at x[n-1] counts only if (x[n-1]-x[n-2])(x[n-1]-x[n]) is at least this (&gt;= 1).</param>
        public WindowFeaturesParameters(int windowLength, int hop, int zeroCrossingThreshold, long slopeSignChangeThreshold)
        {
            if (windowLength < 2 || windowLength > MaxWindowLength)
            {
                throw new ArgumentOutOfRangeException("windowLength", "Window length must be in 2..65535 samples; got " + windowLength.ToString() + ".");
            }

            if (hop < 1)
            {
                throw new ArgumentOutOfRangeException("hop", "Hop must be at least 1 sample; got " + hop.ToString() + ".");
            }

            if (zeroCrossingThreshold < 0 || zeroCrossingThreshold > MaxZeroCrossingThreshold)
            {
                throw new ArgumentOutOfRangeException("zeroCrossingThreshold", "The zero-crossing threshold must be in 0..2^24.");
            }

            if (slopeSignChangeThreshold < 1 || slopeSignChangeThreshold > MaxSlopeSignChangeThreshold)
            {
                throw new ArgumentOutOfRangeException("slopeSignChangeThreshold", "The slope-sign-change threshold (a product of two differences) must be in 1..2^50.");
            }

            _windowLength = windowLength;
            _hop = hop;
            _zeroCrossingThreshold = zeroCrossingThreshold;
            _slopeSignChangeThreshold = slopeSignChangeThreshold;
        }

        public int WindowLength
        {
            get { return _windowLength; }
        }

        public int Hop
        {
            get { return _hop; }
        }

        public int ZeroCrossingThreshold
        {
            get { return _zeroCrossingThreshold; }
        }

        public long SlopeSignChangeThreshold
        {
            get { return _slopeSignChangeThreshold; }
        }
    }
}
