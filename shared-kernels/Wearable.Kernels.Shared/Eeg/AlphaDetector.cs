using System;
using Wearable.Kernels.Dsp;

namespace Wearable.Kernels.Eeg
{
    /// <summary>
    /// Eyes-closed detection from the alpha share of EEG power. Input: band-passed EEG in int16 LSB
    /// (the front end's output). Each frame also goes through the alpha band-pass; sliding sums over the
    /// last N frames of x^2 (all channels) and alpha^2 give
    /// <c>share = min(32767, (sum alpha^2 &lt;&lt; 15) / sum x^2)</c> in Q15 every hop frames; the decision
    /// is eyes closed (1) when share &gt;= threshold, else open (0), and the share is its confidence.
    /// Squares are below 2^30 and sums below 8 * 4096 * 2^30 = 2^45, so the shifted sum stays below 2^60.
    /// </summary>
    public sealed class AlphaDetector
    {
        public const int EyesOpen = 0;
        public const int EyesClosed = 1;

        private readonly int _channels;
        private readonly int _window;
        private readonly int _hop;
        private readonly BiquadCascade _alphaFilter;
        private readonly int _alphaGuardBits;
        private readonly short[] _input;
        private readonly short[] _alpha;
        private long _inputSum;
        private long _alphaSum;
        private int _write;
        private int _filled;
        private int _sinceDecision;
        private int _thresholdQ15;

        public AlphaDetector(AlphaDetectorParameters parameters, int channels)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            if (channels < 1 || channels > AlphaDetectorParameters.MaxChannels)
            {
                throw new ArgumentOutOfRangeException("channels", "The alpha detector takes 1..8 channels; got " + channels.ToString() + ".");
            }

            _channels = channels;
            _window = parameters.Window;
            _hop = parameters.Hop;
            _thresholdQ15 = parameters.ThresholdQ15;
            _alphaFilter = new BiquadCascade(parameters.AlphaBand, channels);
            _alphaGuardBits = parameters.AlphaBand.GuardBits;
            _input = new short[channels * _window];
            _alpha = new short[channels * _window];
            Decision = -1;
        }

        public int Channels
        {
            get { return _channels; }
        }

        /// <summary>Eyes closed when the alpha share reaches this (Q15); replaceable by a per-user value.</summary>
        public int ThresholdQ15
        {
            get { return _thresholdQ15; }
            set { _thresholdQ15 = value < 0 ? 0 : (value > 32767 ? 32767 : value); }
        }

        /// <summary>Alpha share of the last decision window, Q15.</summary>
        public int ShareQ15 { get; private set; }

        /// <summary><see cref="EyesOpen"/> or <see cref="EyesClosed"/>; -1 before the first decision.</summary>
        public int Decision { get; private set; }

        public void Reset()
        {
            _alphaFilter.Reset();
            Array.Clear(_input, 0, _input.Length);
            Array.Clear(_alpha, 0, _alpha.Length);
            _inputSum = 0;
            _alphaSum = 0;
            _write = 0;
            _filled = 0;
            _sinceDecision = 0;
            ShareQ15 = 0;
            Decision = -1;
        }

        /// <summary>One interleaved frame of int16-range values; returns true when it completed a decision.</summary>
        public bool PushFrame(int[] frame, int offset)
        {
            int at = _write * _channels;
            for (int c = 0; c < _channels; c++)
            {
                int v = frame[offset + c];
                short x = (short)(v > 32767 ? 32767 : (v < -32768 ? -32768 : v));
                short a = BiquadCascade.ToInt16(_alphaFilter.StepInt16(c, x), _alphaGuardBits);
                if (_filled == _window)
                {
                    int oldX = _input[at + c];
                    int oldA = _alpha[at + c];
                    _inputSum -= (long)oldX * oldX;
                    _alphaSum -= (long)oldA * oldA;
                }

                _input[at + c] = x;
                _alpha[at + c] = a;
                _inputSum += (long)x * x;
                _alphaSum += (long)a * a;
            }

            _write++;
            if (_write == _window)
            {
                _write = 0;
            }

            if (_filled < _window)
            {
                _filled++;
            }

            _sinceDecision++;
            if (_filled < _window || _sinceDecision < _hop)
            {
                return false;
            }

            _sinceDecision = 0;
            long share = _inputSum <= 0 ? 0 : (_alphaSum << 15) / _inputSum;
            ShareQ15 = share > 32767 ? 32767 : (int)share;
            Decision = ShareQ15 >= _thresholdQ15 ? EyesClosed : EyesOpen;
            return true;
        }
    }
}
