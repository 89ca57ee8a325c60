using System;

namespace Wearable.Firmware.Acquisition
{
    /// <summary>
    /// A single-producer single-consumer ring of interleaved int16 frames between the ADC and the
    /// processing loop. When it is full, new frames are dropped and counted (the oldest data is kept
    /// because the host can see a gap by frame index, but not a silent rewrite of what it already has).
    /// Sized once; nothing is allocated afterwards.
    /// </summary>
    public sealed class SampleRing
    {
        private readonly short[] _samples;
        private readonly int _channels;
        private readonly int _capacityFrames;
        private int _readFrame;
        private int _count;
        private long _framesWritten;
        private long _framesRead;
        private long _framesDropped;

        public SampleRing(int channels, int capacityFrames)
        {
            if (channels < 1 || channels > 256)
            {
                throw new ArgumentOutOfRangeException("channels", "channels must be 1..256.");
            }

            if (capacityFrames < 1)
            {
                throw new ArgumentOutOfRangeException("capacityFrames", "capacityFrames must be at least 1.");
            }

            _channels = channels;
            _capacityFrames = capacityFrames;
            _samples = new short[channels * capacityFrames];
        }

        /// <summary>Channels per frame.</summary>
        public int Channels { get { return _channels; } }

        /// <summary>Frames the ring can hold.</summary>
        public int CapacityFrames { get { return _capacityFrames; } }

        /// <summary>Frames waiting to be read.</summary>
        public int Count { get { return _count; } }

        /// <summary>Free frames.</summary>
        public int Free { get { return _capacityFrames - _count; } }

        /// <summary>Frames accepted since creation (or the last <see cref="Reset"/>).</summary>
        public long FramesWritten { get { return _framesWritten; } }

        /// <summary>Frames handed to the reader; also the index of the next frame to be read.</summary>
        public long FramesRead { get { return _framesRead; } }

        /// <summary>Frames lost because the ring was full (the overflow counter).</summary>
        public long FramesDropped { get { return _framesDropped; } }

        /// <summary>Empties the ring and zeroes the counters (at stream start).</summary>
        public void Reset()
        {
            _readFrame = 0;
            _count = 0;
            _framesWritten = 0;
            _framesRead = 0;
            _framesDropped = 0;
        }

        /// <summary>
        /// Appends up to <paramref name="frames"/> frames; frames that do not fit are dropped and
        /// counted. Returns how many were stored.
        /// </summary>
        public int Write(short[] source, int offset, int frames)
        {
            int stored = frames;
            if (stored > Free)
            {
                stored = Free;
            }

            int writeFrame = (_readFrame + _count) % _capacityFrames;
            int first = _capacityFrames - writeFrame;
            if (first > stored)
            {
                first = stored;
            }

            Array.Copy(source, offset, _samples, writeFrame * _channels, first * _channels);
            if (stored > first)
            {
                Array.Copy(source, offset + (first * _channels), _samples, 0, (stored - first) * _channels);
            }

            _count += stored;
            _framesWritten += stored;
            _framesDropped += frames - stored;
            return stored;
        }

        /// <summary>Records frames the ADC produced that could not even be fetched (source overran).</summary>
        public void CountDropped(int frames)
        {
            _framesDropped += frames;
        }

        /// <summary>
        /// Copies exactly <paramref name="frames"/> frames out if that many are waiting; otherwise
        /// copies nothing and returns false.
        /// </summary>
        public bool TryRead(short[] destination, int offset, int frames)
        {
            if (frames > _count)
            {
                return false;
            }

            int first = _capacityFrames - _readFrame;
            if (first > frames)
            {
                first = frames;
            }

            Array.Copy(_samples, _readFrame * _channels, destination, offset, first * _channels);
            if (frames > first)
            {
                Array.Copy(_samples, 0, destination, offset + (first * _channels), (frames - first) * _channels);
            }

            _readFrame = (_readFrame + frames) % _capacityFrames;
            _count -= frames;
            _framesRead += frames;
            return true;
        }
    }
}
