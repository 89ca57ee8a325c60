using System;
using Wearable.Kernels.Dsp;

namespace Wearable.Firmware.Processing
{
    /// <summary>
    /// The Raw and Filtered streams' front end: picks the requested channels out of each frame and, for
    /// Filtered, runs the shared BiquadCascade (the board's or the default band filter for the rate)
    /// over every channel and rounds its guarded output back to int16.
    /// </summary>
    public sealed class StreamFrontEnd
    {
        private readonly int _channels;
        private readonly int[] _selected;
        private readonly BiquadCascade _filter;
        private readonly int[] _guarded;
        private int _selectedCount;

        /// <param name="band">Band filter of the Filtered stream; null = no Filtered stream.</param>
        public StreamFrontEnd(int channels, int maxBlockFrames, BiquadCascadeParameters band)
        {
            if (channels < 1 || maxBlockFrames < 1)
            {
                throw new ArgumentOutOfRangeException("channels", "Channels and the largest block must be positive.");
            }

            _channels = channels;
            _selected = new int[channels];
            if (band != null)
            {
                _filter = new BiquadCascade(band, channels);
                _guarded = new int[channels * maxBlockFrames];
            }
        }

        /// <summary>True when this build can produce the Filtered stream.</summary>
        public bool CanFilter { get { return _filter != null; } }

        /// <summary>Channels the running stream sends.</summary>
        public int SelectedCount { get { return _selectedCount; } }

        /// <summary>Counts the channels <paramref name="channelMask"/> names (bit c = channel c, first 32 only).</summary>
        public int CountSelected(uint channelMask)
        {
            int selected = 0;
            for (int c = 0; c < _channels && c < 32; c++)
            {
                if ((channelMask & (1u << c)) != 0)
                {
                    selected++;
                }
            }

            return selected;
        }

        /// <summary>Selects the stream's channels; a Filtered stream starts with a fresh filter.</summary>
        public void Start(uint channelMask, bool filtered)
        {
            int selected = 0;
            for (int c = 0; c < _channels && c < 32; c++)
            {
                if ((channelMask & (1u << c)) != 0)
                {
                    _selected[selected++] = c;
                }
            }

            _selectedCount = selected;
            if (filtered)
            {
                // Its first ~50 ms (20 Hz high-pass) are the settling transient of a fresh filter.
                _filter.Reset();
            }
        }

        /// <summary>Writes <paramref name="blockFrames"/> frames of the selected channels, sample by sample, into <paramref name="values"/>.</summary>
        public void Process(short[] frames, int blockFrames, bool filtered, short[] values)
        {
            int k = 0;
            if (filtered)
            {
                _filter.ProcessFrames(frames, 0, _guarded, 0, blockFrames);
                int guardBits = _filter.GuardBits;
                for (int s = 0; s < blockFrames; s++)
                {
                    int row = s * _channels;
                    for (int i = 0; i < _selectedCount; i++)
                    {
                        values[k++] = BiquadCascade.ToInt16(_guarded[row + _selected[i]], guardBits);
                    }
                }

                return;
            }

            for (int s = 0; s < blockFrames; s++)
            {
                int row = s * _channels;
                for (int i = 0; i < _selectedCount; i++)
                {
                    values[k++] = frames[row + _selected[i]];
                }
            }
        }
    }
}
