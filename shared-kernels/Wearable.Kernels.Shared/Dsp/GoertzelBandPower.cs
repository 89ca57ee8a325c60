using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// Band power at a few frequencies (alpha, SSVEP 20/30 Hz, 40 Hz ASSR) by the Goertzel recursion
    /// s[n] = x[n] + c s[n-1] - s[n-2] over blocks of N samples; cheaper than an FFT for a handful of
    /// bins. Power = s1^2 + s2^2 - c s1 s2 (|X(k)|^2 in input LSB^2), latched at the end of each block.
    /// Keep N * max|x| * 2^GuardBits below 2^30, otherwise the state saturates (it never wraps).
    /// </summary>
    public sealed class GoertzelBandPower
    {
        /// <summary>Inputs are clamped to +-InputLimit before the guard shift.</summary>
        public const int InputLimit = (1 << 23) - 1;

        private readonly int[] _coefficients;
        private readonly int _bins;
        private readonly int _channels;
        private readonly int _blockLength;
        private readonly int _guardBits;
        private readonly int[] _s1;
        private readonly int[] _s2;
        private readonly long[] _power;
        private int _count;

        public GoertzelBandPower(GoertzelParameters parameters, int channels)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            if (channels < 1)
            {
                throw new ArgumentOutOfRangeException("channels", "Need at least one channel; got " + channels.ToString() + ".");
            }

            _coefficients = parameters.Coefficients;
            _bins = parameters.BinCount;
            _blockLength = parameters.BlockLength;
            _guardBits = parameters.GuardBits;
            _channels = channels;
            _s1 = new int[channels * _bins];
            _s2 = new int[channels * _bins];
            _power = new long[channels * _bins];
        }

        public int Channels
        {
            get { return _channels; }
        }

        public int BinCount
        {
            get { return _bins; }
        }

        public void Reset()
        {
            Array.Clear(_s1, 0, _s1.Length);
            Array.Clear(_s2, 0, _s2.Length);
            Array.Clear(_power, 0, _power.Length);
            _count = 0;
        }

        /// <summary>Adds one interleaved int16 frame; returns true when a block completed and Power() holds new values.</summary>
        public bool PushFrame(short[] frame, int offset)
        {
            for (int ch = 0; ch < _channels; ch++)
            {
                Push(ch, frame[offset + ch]);
            }

            return Advance();
        }

        /// <summary>Adds one interleaved int frame (e.g. a filtered int16-domain signal); values are clamped to the state limit.</summary>
        public bool PushFrame(int[] frame, int offset)
        {
            for (int ch = 0; ch < _channels; ch++)
            {
                Push(ch, frame[offset + ch]);
            }

            return Advance();
        }

        /// <summary>Power of the last completed block for one channel and bin.</summary>
        public long Power(int channel, int bin)
        {
            return _power[channel * _bins + bin];
        }

        private void Push(int ch, int sample)
        {
            int clamped = sample > InputLimit ? InputLimit : (sample < -InputLimit ? -InputLimit : sample);
            long x = (long)clamped << _guardBits;
            int baseIndex = ch * _bins;
            for (int b = 0; b < _bins; b++)
            {
                int i = baseIndex + b;
                int s1 = _s1[i];
                long s0 = x + ((((long)_coefficients[b] * s1) + (1L << 29)) >> 30) - _s2[i];
                if (s0 > GoertzelParameters.StateLimit)
                {
                    s0 = GoertzelParameters.StateLimit;
                }
                else if (s0 < -GoertzelParameters.StateLimit)
                {
                    s0 = -GoertzelParameters.StateLimit;
                }

                _s2[i] = s1;
                _s1[i] = (int)s0;
            }
        }

        private bool Advance()
        {
            _count++;
            if (_count < _blockLength)
            {
                return false;
            }

            for (int i = 0; i < _s1.Length; i++)
            {
                long s1 = _s1[i];
                long s2 = _s2[i];
                long cs1 = (((long)_coefficients[i % _bins] * s1) + (1L << 29)) >> 30; // safe division: i is a loop index >= 0
                long raw = s1 * s1 + s2 * s2 - cs1 * s2;
                int shift = 2 * _guardBits;
                _power[i] = shift == 0 ? raw : (raw + (1L << (shift - 1))) >> shift;
                _s1[i] = 0;
                _s2[i] = 0;
            }

            _count = 0;
            return true;
        }
    }
}
