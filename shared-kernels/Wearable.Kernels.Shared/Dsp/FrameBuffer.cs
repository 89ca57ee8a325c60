using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>Argument checks shared by the block APIs over interleaved caller buffers.</summary>
    public static class FrameBuffer
    {
        /// <summary>Throws a clear error unless frameCount frames of channels values fit in buffer from offset.</summary>
        public static void CheckFrames(Array buffer, int offset, int frameCount, int channels, string name)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(name);
            }

            if (offset < 0 || frameCount < 0 || (long)offset + (long)frameCount * channels > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(name, "Buffer too small: " + frameCount.ToString() + " frames of " + channels.ToString()
                    + " channels from offset " + offset.ToString() + " do not fit in " + buffer.Length.ToString() + " values.");
            }
        }
    }
}
