using System;
using Wearable.Firmware.Board;

namespace Wearable.Firmware.Acquisition
{
    /// <summary>
    /// Moves frames from the board's sample source into the ring. Called from the main loop (or an
    /// ADC-ready interrupt thread on boards that have one); fetches in small chunks through one
    /// scratch buffer so it never allocates.
    /// </summary>
    public sealed class AcquisitionStage
    {
        private readonly ISampleSource _source;
        private readonly SampleRing _ring;
        private readonly short[] _scratch;
        private readonly int _chunkFrames;

        public AcquisitionStage(ISampleSource source, SampleRing ring, int chunkFrames)
        {
            if (source == null)
            {
                throw new ArgumentNullException("source");
            }

            if (ring == null)
            {
                throw new ArgumentNullException("ring");
            }

            if (source.Channels != ring.Channels)
            {
                throw new ArgumentException(
                    "The sample source has " + source.Channels.ToString() + " channels but the ring holds "
                    + ring.Channels.ToString() + ": size the ring from the source.",
                    "ring");
            }

            if (chunkFrames < 1)
            {
                throw new ArgumentOutOfRangeException("chunkFrames", "chunkFrames must be at least 1.");
            }

            _source = source;
            _ring = ring;
            _chunkFrames = chunkFrames;
            _scratch = new short[chunkFrames * source.Channels];
        }

        /// <summary>Bytes of scratch this stage holds (for the RAM budget).</summary>
        public int ScratchBytes { get { return _scratch.Length * 2; } }

        /// <summary>
        /// Drains what the source has ready into the ring (when full, the oldest frames are overwritten
        /// and counted). With <paramref name="store"/> false (nobody is streaming) the frames are only
        /// counted as offered, so the ring's frame index keeps following the ADC. Returns the frames fetched.
        /// </summary>
        public int Poll(bool store)
        {
            int total = 0;
            while (true)
            {
                int got = _source.ReadFrames(_scratch, 0, _chunkFrames);
                if (got <= 0)
                {
                    return total;
                }

                if (store)
                {
                    _ring.Write(_scratch, 0, got);
                }
                else
                {
                    _ring.Skip(got);
                }
                total += got;
                if (got < _chunkFrames)
                {
                    return total;
                }
            }
        }
    }
}
