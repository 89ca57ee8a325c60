using System;

namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// Send-on-delta spike encoder: per channel, an up spike (index 2c) when the sample has risen by at
    /// least Threshold since the last spike of that channel, a down spike (index 2c + 1) when it has
    /// fallen by at least Threshold; the reference then moves to the sample. At most one spike per
    /// channel per step. The reference starts at 0 after a reset.
    /// </summary>
    public sealed class DeltaEncoder
    {
        private readonly int _channels;
        private readonly int[] _thresholds;
        private readonly int[] _reference;
        private readonly byte[] _spikes;
        private readonly int[] _active;
        private int _activeCount;

        /// <param name="thresholds">One threshold for all channels or one per channel, in sample units, &gt;= 1.</param>
        public DeltaEncoder(int channels, int[] thresholds)
        {
            if (channels < 1)
            {
                throw new ArgumentOutOfRangeException("channels", "Need at least one channel; got " + channels.ToString() + ".");
            }

            if (thresholds == null)
            {
                throw new ArgumentNullException("thresholds");
            }

            if (thresholds.Length != 1 && thresholds.Length != channels)
            {
                throw new ArgumentException("Give 1 threshold or one per channel (" + channels.ToString() + ").", "thresholds");
            }

            for (int i = 0; i < thresholds.Length; i++)
            {
                if (thresholds[i] < 1)
                {
                    throw new ArgumentOutOfRangeException("thresholds", "Delta thresholds must be at least 1; threshold " + i.ToString() + " is " + thresholds[i].ToString() + ".");
                }
            }

            _channels = channels;
            _thresholds = thresholds;
            _reference = new int[channels];
            _spikes = new byte[2 * channels];
            _active = new int[channels];
        }

        /// <summary>Output neurons: 2 per channel (up, down).</summary>
        public int OutputCount
        {
            get { return 2 * _channels; }
        }

        public byte[] Spikes
        {
            get { return _spikes; }
        }

        public int[] ActiveIndices
        {
            get { return _active; }
        }

        public int ActiveCount
        {
            get { return _activeCount; }
        }

        public void Reset()
        {
            Array.Clear(_reference, 0, _channels);
            Array.Clear(_spikes, 0, _spikes.Length);
            _activeCount = 0;
        }

        /// <summary>Encodes one interleaved int16 frame.</summary>
        public void Step(short[] frame, int offset)
        {
            _activeCount = 0;
            for (int c = 0; c < _channels; c++)
            {
                Encode(c, frame[offset + c]);
            }
        }

        /// <summary>Encodes one interleaved int frame (e.g. a filtered, guarded signal).</summary>
        public void Step(int[] frame, int offset)
        {
            _activeCount = 0;
            for (int c = 0; c < _channels; c++)
            {
                Encode(c, frame[offset + c]);
            }
        }

        private void Encode(int c, int x)
        {
            int threshold = _thresholds.Length > 1 ? _thresholds[c] : _thresholds[0];
            long change = (long)x - _reference[c];
            int up = 2 * c;
            _spikes[up] = 0;
            _spikes[up + 1] = 0;
            if (change >= threshold)
            {
                _spikes[up] = 1;
                _active[_activeCount++] = up;
                _reference[c] = x;
            }
            else if (change <= -threshold)
            {
                _spikes[up + 1] = 1;
                _active[_activeCount++] = up + 1;
                _reference[c] = x;
            }
        }
    }
}
