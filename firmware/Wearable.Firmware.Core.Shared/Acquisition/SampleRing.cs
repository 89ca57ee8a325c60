using System;

namespace Wearable.Firmware.Acquisition
{
    /// <summary>
    /// A ring of interleaved int16 frames between the ADC and the processing loop, filled and drained
    /// on the main loop's thread. Every frame has an absolute index (frames since acquisition began),
    /// so blocks carry exact ADC timestamps. When the ring is full the OLDEST frames are overwritten
    /// and counted: the stored frames stay contiguous in time, and the stream's block counter skips the
    /// blocks that were lost (see StreamBlockSource), so the host counts them. Sized once; nothing is allocated afterwards.
    /// </summary>
    public sealed class SampleRing
    {
        private readonly short[] _samples;
        private readonly int _channels;
        private readonly int _capacityFrames;
        private int _readFrame;
        private int _count;
        private long _framesOffered;
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

        /// <summary>Frames offered by the ADC since acquisition began (stored, dropped or discarded).</summary>
        public long FramesOffered { get { return _framesOffered; } }

        /// <summary>Absolute index of the next frame <see cref="TryRead"/> returns.</summary>
        public long NextReadFrameIndex { get { return _framesOffered - _count; } }

        /// <summary>Frames overwritten before anyone read them (the overflow counter).</summary>
        public long FramesDropped { get { return _framesDropped; } }

        /// <summary>Empties the ring without counting an overflow (nobody is streaming, or a stream starts).</summary>
        public void Discard()
        {
            _readFrame = 0;
            _count = 0;
        }

        /// <summary>Counts frames the ADC produced while nobody streams: they advance the index, nothing is stored.</summary>
        public void Skip(int frames)
        {
            if (frames > 0)
            {
                _readFrame = 0;
                _count = 0;
                _framesOffered += frames;
            }
        }

        /// <summary>Appends frames, overwriting (and counting) the oldest ones when full.</summary>
        public void Write(short[] source, int offset, int frames)
        {
            if (frames <= 0)
            {
                return;
            }

            _framesOffered += frames;
            if (frames > _capacityFrames)
            {
                // Only the newest capacity's worth can survive.
                int skipped = frames - _capacityFrames;
                _framesDropped += _count + skipped;
                _readFrame = 0;
                _count = 0;
                offset += skipped * _channels;
                frames = _capacityFrames;
            }

            int overflow = frames - Free;
            if (overflow > 0)
            {
                _readFrame = (_readFrame + overflow) % _capacityFrames;
                _count -= overflow;
                _framesDropped += overflow;
            }

            int writeFrame = (_readFrame + _count) % _capacityFrames;
            int first = _capacityFrames - writeFrame;
            if (first > frames)
            {
                first = frames;
            }

            Array.Copy(source, offset, _samples, writeFrame * _channels, first * _channels);
            if (frames > first)
            {
                Array.Copy(source, offset + (first * _channels), _samples, 0, (frames - first) * _channels);
            }

            _count += frames;
        }

        /// <summary>
        /// Throws away up to <paramref name="frames"/> of the oldest waiting frames and counts them as
        /// dropped: a reader that lost part of a block skips the rest of it to stay on its block grid.
        /// Returns the frames dropped.
        /// </summary>
        public int DropOldest(int frames)
        {
            if (frames > _count)
            {
                frames = _count;
            }

            if (frames <= 0)
            {
                return 0;
            }

            _readFrame = (_readFrame + frames) % _capacityFrames;
            _count -= frames;
            _framesDropped += frames;
            return frames;
        }

        /// <summary>
        /// Copies exactly <paramref name="frames"/> frames out if that many are waiting; otherwise
        /// copies nothing and returns false.
        /// </summary>
        public bool TryRead(short[] destination, int offset, int frames)
        {
            if (frames > _count || frames < 0)
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
            return true;
        }
    }
}
