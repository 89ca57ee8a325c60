using System;

namespace Wearable.Firmware.Acquisition
{
    /// <summary>
    /// Takes whole blocks of frames off the ring on the stream's block grid: block n holds frames
    /// start + n x blockFrames onwards, and n is its BlockSequence. When the ring overflowed (a slow
    /// link or a stalled host kept the main loop in Write), the blocks the ring overwrote keep their
    /// numbers unsent, so the host sees a sequence gap of exactly the lost blocks; the torn remainder
    /// of a partly overwritten block is dropped too, so every block sent is whole and on the grid.
    /// </summary>
    public sealed class StreamBlockSource
    {
        private readonly SampleRing _ring;
        private readonly short[] _frames;
        private int _blockFrames;
        private long _startFrame;
        private long _nextIndex;
        private long _firstFrame;
        private uint _sequence;
        private long _blocksTaken;
        private long _blocksDropped;

        public StreamBlockSource(SampleRing ring, int maxBlockFrames)
        {
            if (ring == null)
            {
                throw new ArgumentNullException("ring");
            }

            if (maxBlockFrames < 1)
            {
                throw new ArgumentOutOfRangeException("maxBlockFrames", "The largest block must be at least one frame.");
            }

            _ring = ring;
            _frames = new short[ring.Channels * maxBlockFrames];
            _blockFrames = 1;
        }

        /// <summary>Interleaved frames of the block just taken (the first <see cref="BlockFrames"/> rows).</summary>
        public short[] Frames { get { return _frames; } }

        /// <summary>Channels per frame.</summary>
        public int Channels { get { return _ring.Channels; } }

        /// <summary>Frames the buffer can hold (the largest block).</summary>
        public int MaxBlockFrames { get { return _frames.Length / _ring.Channels; } } // safe division: the ring has at least one channel (SampleRing checks 1..256)

        /// <summary>Frames per block of the running stream.</summary>
        public int BlockFrames { get { return _blockFrames; } }

        /// <summary>Absolute ADC index of the first frame of the block just taken.</summary>
        public long FirstFrame { get { return _firstFrame; } }

        /// <summary>Grid index of the block just taken, modulo 2^32 (the wire's BlockSequence).</summary>
        public uint Sequence { get { return _sequence; } }

        /// <summary>Blocks taken since the stream started.</summary>
        public long BlocksTaken { get { return _blocksTaken; } }

        /// <summary>Grid blocks lost to ring overflow since the stream started (never taken, never sent).</summary>
        public long BlocksDropped { get { return _blocksDropped; } }

        /// <summary>Starts a new grid at the next frame the ADC delivers; what the ring held is discarded.</summary>
        public void Start(int blockFrames)
        {
            if (blockFrames < 1 || blockFrames > MaxBlockFrames)
            {
                throw new ArgumentOutOfRangeException("blockFrames", "A block is 1.." + MaxBlockFrames.ToString() + " frames.");
            }

            _ring.Discard();
            _blockFrames = blockFrames;
            _startFrame = _ring.NextReadFrameIndex;
            _nextIndex = 0;
            _blocksTaken = 0;
            _blocksDropped = 0;
        }

        /// <summary>Takes the next whole block on the grid if it is waiting; false when it is not complete yet.</summary>
        public bool TryTake()
        {
            long offGrid = (_ring.NextReadFrameIndex - _startFrame) % _blockFrames; // safe division: block frames are 1 or a block size the stream validated (>= 1)
            if (offGrid != 0)
            {
                // The head of this block was overwritten: the rest of it cannot be sent as a whole block.
                _ring.DropOldest((int)(_blockFrames - offGrid));
                if ((_ring.NextReadFrameIndex - _startFrame) % _blockFrames != 0) // safe division: block frames are 1 or a block size the stream validated (>= 1)
                {
                    return false;
                }
            }

            long first = _ring.NextReadFrameIndex;
            if (!_ring.TryRead(_frames, 0, _blockFrames))
            {
                return false;
            }

            long index = (first - _startFrame) / _blockFrames; // safe division: block frames are 1 or a block size the stream validated (>= 1)
            if (index > _nextIndex)
            {
                _blocksDropped += index - _nextIndex;
            }

            _nextIndex = index + 1;
            _firstFrame = first;
            _sequence = (uint)(index & 0xFFFFFFFFL);
            _blocksTaken++;
            return true;
        }
    }
}
