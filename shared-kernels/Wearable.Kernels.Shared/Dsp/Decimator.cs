using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// Keeps every Factor-th interleaved frame. It does no filtering: run an anti-alias low-pass
    /// (a BiquadCascade below fs / (2 Factor)) first, so that the two stay separately testable. The
    /// phase carries across calls, so feeding frames one by one or in blocks keeps the same frames.
    /// </summary>
    public sealed class Decimator
    {
        private readonly int _factor;
        private readonly int _channels;
        private int _phase;

        public Decimator(int factor, int channels)
        {
            if (factor < 1)
            {
                throw new ArgumentOutOfRangeException("factor", "Decimation factor must be at least 1; got " + factor.ToString() + ".");
            }

            if (channels < 1)
            {
                throw new ArgumentOutOfRangeException("channels", "Need at least one channel; got " + channels.ToString() + ".");
            }

            _factor = factor;
            _channels = channels;
        }

        public int Factor
        {
            get { return _factor; }
        }

        public void Reset()
        {
            _phase = 0;
        }

        /// <summary>
        /// Offers one frame; copies it to output and returns true when it is kept (the first frame after
        /// a reset is kept, then every Factor-th).
        /// </summary>
        public bool PushFrame(int[] frame, int frameOffset, int[] output, int outputOffset)
        {
            bool keep = _phase == 0;
            if (keep)
            {
                Array.Copy(frame, frameOffset, output, outputOffset, _channels);
            }

            _phase++;
            if (_phase == _factor)
            {
                _phase = 0;
            }

            return keep;
        }

        /// <summary>Decimates frameCount interleaved frames; returns the number of frames written to output.</summary>
        public int ProcessFrames(int[] input, int inputOffset, int frameCount, int[] output, int outputOffset)
        {
            FrameBuffer.CheckFrames(input, inputOffset, frameCount, _channels, "input");
            int maxOut = (frameCount + _factor - 1) / _factor;
            FrameBuffer.CheckFrames(output, outputOffset, maxOut, _channels, "output");

            int written = 0;
            for (int f = 0; f < frameCount; f++)
            {
                if (PushFrame(input, inputOffset + f * _channels, output, outputOffset + written * _channels))
                {
                    written++;
                }
            }

            return written;
        }
    }
}
