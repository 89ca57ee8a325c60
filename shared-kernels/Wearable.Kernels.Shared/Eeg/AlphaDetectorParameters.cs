using System;
using Wearable.Kernels.Dsp;

namespace Wearable.Kernels.Eeg
{
    /// <summary>
    /// Eyes-closed (alpha) detector settings: the alpha band-pass (8-12 Hz, designed on the host), the
    /// window N and hop over which band powers are compared, and the decision threshold on the alpha
    /// share of the power in Q15 (a per-user value the host may push later).
    /// </summary>
    public sealed class AlphaDetectorParameters
    {
        /// <summary>Longest window: keeps every power sum times 2^15 below 2^63 for 8 channels.</summary>
        public const int MaxWindow = 4096;

        /// <summary>Most channels.</summary>
        public const int MaxChannels = 8;

        private readonly BiquadCascadeParameters _alphaBand;
        private readonly int _window;
        private readonly int _hop;
        private readonly int _thresholdQ15;

        public AlphaDetectorParameters(BiquadCascadeParameters alphaBand, int window, int hop, int thresholdQ15)
        {
            if (alphaBand == null)
            {
                throw new ArgumentNullException("alphaBand");
            }

            if (window < 2 || window > MaxWindow)
            {
                throw new ArgumentOutOfRangeException("window", "The alpha window must be 2..4096 samples; got " + window.ToString() + ".");
            }

            if (hop < 1 || hop > window)
            {
                throw new ArgumentOutOfRangeException("hop", "The hop must be 1..window samples; got " + hop.ToString() + ".");
            }

            if (thresholdQ15 < 0 || thresholdQ15 > 32767)
            {
                throw new ArgumentOutOfRangeException("thresholdQ15", "The alpha threshold is a share in Q15, 0..32767; got " + thresholdQ15.ToString() + ".");
            }

            _alphaBand = alphaBand;
            _window = window;
            _hop = hop;
            _thresholdQ15 = thresholdQ15;
        }

        public BiquadCascadeParameters AlphaBand
        {
            get { return _alphaBand; }
        }

        public int Window
        {
            get { return _window; }
        }

        public int Hop
        {
            get { return _hop; }
        }

        public int ThresholdQ15
        {
            get { return _thresholdQ15; }
        }
    }
}
