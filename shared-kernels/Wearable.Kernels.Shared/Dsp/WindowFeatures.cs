using System;
using Wearable.Kernels.FixedPoint;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// MAV, RMS, WL, ZC and SSC over a sliding window, kept as running sums: each sample adds its
    /// terms and removes those of the sample leaving the window, so a feature costs O(1) per sample
    /// instead of O(window). Every per-sample term is indexed by the newest sample it involves (the
    /// history before the first sample is zeros), and the window sums the last WindowLength terms.
    /// </summary>
    public sealed class WindowFeatures
    {
        /// <summary>Features written per channel by <see cref="WriteFeatures"/>: MAV, RMS, WL, ZC, SSC.</summary>
        public const int FeaturesPerChannel = 5;


        private readonly int _channels;
        private readonly int _window;
        private readonly int _hop;
        private readonly int _zcThreshold;
        private readonly long _sscThreshold;

        // One ring slot per channel and window position packs the sample (high 32 bits), its |x[n] - x[n-1]|
        // term (bits 2..25, < 2^24 because inputs are clamped to +-2^23) and its ZC/SSC flags (bits 0, 1),
        // so leaving and entering the window is one load and one store.
        private readonly long[] _ring;

        // Per channel: x[n-1], x[n-2].
        private readonly int[] _previous;

        // Per channel: sum |x|, sum x^2, sum of length terms, ZC count + (SSC count << 32).
        private readonly long[] _sums;

        // Scratch for the int16 overload (sized once, so pushing int16 frames allocates nothing).
        private readonly int[] _widened;

        private int _position;
        private long _seen;

        public WindowFeatures(WindowFeaturesParameters parameters, int channels)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            if (channels < 1)
            {
                throw new ArgumentOutOfRangeException("channels", "Need at least one channel; got " + channels.ToString() + ".");
            }

            _channels = channels;
            _window = parameters.WindowLength;
            _hop = parameters.Hop;
            _zcThreshold = parameters.ZeroCrossingThreshold;
            _sscThreshold = parameters.SlopeSignChangeThreshold;
            _ring = new long[channels * _window];
            _previous = new int[channels * 2];
            _sums = new long[channels * 4];
            _widened = new int[channels];
        }

        public int Channels
        {
            get { return _channels; }
        }

        /// <summary>True once WindowLength frames have been pushed.</summary>
        public bool IsFull
        {
            get { return _seen >= _window; }
        }

        public void Reset()
        {
            Array.Clear(_ring, 0, _ring.Length);
            Array.Clear(_previous, 0, _previous.Length);
            Array.Clear(_sums, 0, _sums.Length);
            _position = 0;
            _seen = 0;
        }

        /// <summary>
        /// Adds one interleaved frame (Channels values). Returns true when a feature vector is due:
        /// the window is full and a multiple of Hop frames have passed since it first filled.
        /// </summary>
        public bool PushFrame(int[] frame, int offset)
        {
            long[] ring = _ring;
            int[] previous = _previous;
            long[] sums = _sums;
            int window = _window;
            int zcThreshold = _zcThreshold;
            long sscThreshold = _sscThreshold;
            int slot = _position;
            for (int ch = 0; ch < _channels; ch++, slot += window)
            {
                int raw = frame[offset + ch];
                int x = raw > WindowFeaturesParameters.InputLimit ? WindowFeaturesParameters.InputLimit
                    : (raw < -WindowFeaturesParameters.InputLimit ? -WindowFeaturesParameters.InputLimit : raw);
                int pi = ch * 2;
                int p1 = previous[pi];
                int p2 = previous[pi + 1];

                // The slot leaving the window (all zeros while the window is filling).
                long old = ring[slot];
                long oldSample = old >> 32;
                long oldLength = (old >> 2) & 0xFFFFFF;
                long oldCounts = (old & 1) | ((old & 2) << 31);

                int difference = x - p1;
                int sign = difference >> 31;
                int length = (difference ^ sign) - sign;

                // Branch-free flags: on real signals these conditions are coin flips, and mispredicted
                // branches cost more than the arithmetic. Bit 0: x[n-1] * x[n] < 0 and length >= zc
                // threshold. Bit 1: slope product >= ssc threshold. (All operands are far from overflow:
                // |x| < 2^23, length < 2^24, threshold and product < 2^50.)
                long opposite = ((long)p1 * x) >> 63;
                long longEnough = ((long)zcThreshold - 1 - length) >> 63;
                long slope = (long)(p1 - p2) * (p1 - x);
                long turns = (sscThreshold - 1 - slope) >> 63;
                long flags = (opposite & longEnough & 1) | (turns & 2);

                ring[slot] = ((long)x << 32) | ((long)length << 2) | flags;
                int si = ch * 4;
                int xSign = x >> 31;
                long oldSign = oldSample >> 63;
                sums[si] += ((x ^ xSign) - xSign) - ((oldSample ^ oldSign) - oldSign);
                sums[si + 1] += (long)x * x - oldSample * oldSample;
                sums[si + 2] += length - oldLength;
                sums[si + 3] += ((flags & 1) | ((flags & 2) << 31)) - oldCounts;
                previous[pi + 1] = p1;
                previous[pi] = x;
            }

            return Advance();
        }

        /// <summary>Same as the int overload, for int16 frames straight from the ADC.</summary>
        public bool PushFrame(short[] frame, int offset)
        {
            for (int ch = 0; ch < _channels; ch++)
            {
                _widened[ch] = frame[offset + ch];
            }

            return PushFrame(_widened, 0);
        }

        /// <summary>Mean absolute value: sum |x| / N, rounded toward zero.</summary>
        public int MeanAbsoluteValue(int channel)
        {
            return (int)(_sums[channel * 4] / _window); // safe division: WindowFeaturesParameters rejects windowLength < 2
        }

        /// <summary>Root mean square: floor(sqrt(RTZ(sum x^2 / N))).</summary>
        public int RootMeanSquare(int channel)
        {
            return IntegerSqrt.Sqrt(_sums[channel * 4 + 1] / _window); // safe division: WindowFeaturesParameters rejects windowLength < 2
        }

        /// <summary>Waveform length: sum |x[n] - x[n-1]| (saturated to int32).</summary>
        public int WaveformLength(int channel)
        {
            return Saturation.ToInt32(_sums[channel * 4 + 2]);
        }

        public int ZeroCrossings(int channel)
        {
            return (int)(_sums[channel * 4 + 3] & 0xFFFFFFFFL);
        }

        public int SlopeSignChanges(int channel)
        {
            return (int)(_sums[channel * 4 + 3] >> 32);
        }

        /// <summary>Writes MAV, RMS, WL, ZC, SSC for each channel (5 * Channels values).</summary>
        public void WriteFeatures(int[] destination, int offset)
        {
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }

            if (offset < 0 || offset + _channels * FeaturesPerChannel > destination.Length)
            {
                throw new ArgumentOutOfRangeException("offset", "Destination needs " + (_channels * FeaturesPerChannel).ToString() + " values from the offset.");
            }

            for (int ch = 0; ch < _channels; ch++)
            {
                int o = offset + ch * FeaturesPerChannel;
                destination[o] = MeanAbsoluteValue(ch);
                destination[o + 1] = RootMeanSquare(ch);
                destination[o + 2] = WaveformLength(ch);
                destination[o + 3] = ZeroCrossings(ch);
                destination[o + 4] = SlopeSignChanges(ch);
            }
        }

        private bool Advance()
        {
            _position++;
            if (_position == _window)
            {
                _position = 0;
            }

            _seen++;
            return _seen >= _window && (_seen - _window) % _hop == 0; // safe division: WindowFeaturesParameters rejects hop < 1
        }
    }
}
