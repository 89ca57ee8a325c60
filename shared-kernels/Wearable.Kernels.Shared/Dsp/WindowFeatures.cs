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

        private const byte ZeroCrossingFlag = 1;
        private const byte SlopeSignChangeFlag = 2;

        private readonly int _channels;
        private readonly int _window;
        private readonly int _hop;
        private readonly int _zcThreshold;
        private readonly long _sscThreshold;

        private readonly int[] _samples;
        private readonly int[] _lengthTerms;
        private readonly byte[] _flags;
        private readonly int[] _previous1;
        private readonly int[] _previous2;
        private readonly long[] _sumAbs;
        private readonly long[] _sumSquares;
        private readonly long[] _sumLength;
        private readonly int[] _zeroCrossings;
        private readonly int[] _slopeSignChanges;

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
            _samples = new int[channels * _window];
            _lengthTerms = new int[channels * _window];
            _flags = new byte[channels * _window];
            _previous1 = new int[channels];
            _previous2 = new int[channels];
            _sumAbs = new long[channels];
            _sumSquares = new long[channels];
            _sumLength = new long[channels];
            _zeroCrossings = new int[channels];
            _slopeSignChanges = new int[channels];
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
            Array.Clear(_samples, 0, _samples.Length);
            Array.Clear(_lengthTerms, 0, _lengthTerms.Length);
            Array.Clear(_flags, 0, _flags.Length);
            Array.Clear(_previous1, 0, _channels);
            Array.Clear(_previous2, 0, _channels);
            Array.Clear(_sumAbs, 0, _channels);
            Array.Clear(_sumSquares, 0, _channels);
            Array.Clear(_sumLength, 0, _channels);
            Array.Clear(_zeroCrossings, 0, _channels);
            Array.Clear(_slopeSignChanges, 0, _channels);
            _position = 0;
            _seen = 0;
        }

        /// <summary>
        /// Adds one interleaved frame (Channels values). Returns true when a feature vector is due:
        /// the window is full and a multiple of Hop frames have passed since it first filled.
        /// </summary>
        public bool PushFrame(int[] frame, int offset)
        {
            for (int ch = 0; ch < _channels; ch++)
            {
                Push(ch, frame[offset + ch]);
            }

            return Advance();
        }

        /// <summary>Same as the int overload, for int16 frames straight from the ADC.</summary>
        public bool PushFrame(short[] frame, int offset)
        {
            for (int ch = 0; ch < _channels; ch++)
            {
                Push(ch, frame[offset + ch]);
            }

            return Advance();
        }

        /// <summary>Mean absolute value: sum |x| / N, rounded toward zero.</summary>
        public int MeanAbsoluteValue(int channel)
        {
            return (int)(_sumAbs[channel] / _window);
        }

        /// <summary>Root mean square: floor(sqrt(RTZ(sum x^2 / N))).</summary>
        public int RootMeanSquare(int channel)
        {
            return IntegerSqrt.Sqrt(_sumSquares[channel] / _window);
        }

        /// <summary>Waveform length: sum |x[n] - x[n-1]| (saturated to int32).</summary>
        public int WaveformLength(int channel)
        {
            return Saturation.ToInt32(_sumLength[channel]);
        }

        public int ZeroCrossings(int channel)
        {
            return _zeroCrossings[channel];
        }

        public int SlopeSignChanges(int channel)
        {
            return _slopeSignChanges[channel];
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
                destination[o + 3] = _zeroCrossings[ch];
                destination[o + 4] = _slopeSignChanges[ch];
            }
        }

        private void Push(int ch, int raw)
        {
            int x = raw > WindowFeaturesParameters.InputLimit ? WindowFeaturesParameters.InputLimit
                : (raw < -WindowFeaturesParameters.InputLimit ? -WindowFeaturesParameters.InputLimit : raw);
            int p1 = _previous1[ch];
            int p2 = _previous2[ch];
            int slot = ch * _window + _position;

            // Remove the terms of the sample leaving the window (zeros while the window is filling).
            int old = _samples[slot];
            _sumAbs[ch] -= old < 0 ? -old : old;
            _sumSquares[ch] -= (long)old * old;
            _sumLength[ch] -= _lengthTerms[slot];
            byte oldFlags = _flags[slot];
            _zeroCrossings[ch] -= oldFlags & ZeroCrossingFlag;
            _slopeSignChanges[ch] -= (oldFlags & SlopeSignChangeFlag) >> 1;

            int difference = x - p1;
            int length = difference < 0 ? -difference : difference;
            byte flags = 0;
            if (((p1 < 0 && x > 0) || (p1 > 0 && x < 0)) && length >= _zcThreshold)
            {
                flags |= ZeroCrossingFlag;
            }

            if ((long)(p1 - p2) * (p1 - x) >= _sscThreshold)
            {
                flags |= SlopeSignChangeFlag;
            }

            _samples[slot] = x;
            _lengthTerms[slot] = length;
            _flags[slot] = flags;
            _sumAbs[ch] += x < 0 ? -x : x;
            _sumSquares[ch] += (long)x * x;
            _sumLength[ch] += length;
            _zeroCrossings[ch] += flags & ZeroCrossingFlag;
            _slopeSignChanges[ch] += (flags & SlopeSignChangeFlag) >> 1;
            _previous2[ch] = p1;
            _previous1[ch] = x;
        }

        private bool Advance()
        {
            _position++;
            if (_position == _window)
            {
                _position = 0;
            }

            _seen++;
            return _seen >= _window && (_seen - _window) % _hop == 0;
        }
    }
}
