using System;
using Wearable.Firmware.Board;

namespace Wearable.Firmware.Replay
{
    /// <summary>
    /// An ADC that plays interleaved int16 frames held in memory, looping at the end; a frame becomes
    /// readable once the clock passes its sampling instant (as the virtual board's playback source does).
    /// </summary>
    public sealed class ReplaySampleSource : ISampleSource
    {
        private readonly short[] _frames;
        private readonly int _frameCount;
        private readonly IDeviceClock _clock;
        private long _produced;
        private int _next;

        public ReplaySampleSource(short[] frames, int channels, int sampleRate, IDeviceClock clock)
        {
            if (frames == null || clock == null)
            {
                throw new ArgumentNullException("frames", "The frames and the clock are required.");
            }

            if (channels < 1 || sampleRate < 1 || frames.Length < channels || frames.Length % channels != 0)
            {
                throw new ArgumentException("The frames must hold a whole number (at least one) of frames of a positive channel count; the rate must be positive.", "frames");
            }

            _frames = frames;
            _frameCount = frames.Length / channels; // safe division: channels >= 1
            _clock = clock;
            Channels = channels;
            SampleRate = sampleRate;
        }

        public int Channels { get; private set; }

        public int SampleRate { get; private set; }

        public int ReadFrames(short[] buffer, int offset, int maxFrames)
        {
            long due = _clock.Microseconds * SampleRate / 1000000L;
            long ready = due - _produced;
            int n = ready < maxFrames ? (int)ready : maxFrames;
            if (n <= 0)
            {
                return 0;
            }

            for (int i = 0; i < n; i++)
            {
                Array.Copy(_frames, _next * Channels, buffer, offset + (i * Channels), Channels);
                _next++;
                if (_next == _frameCount)
                {
                    _next = 0;
                }
            }

            _produced += n;
            return n;
        }
    }
}
