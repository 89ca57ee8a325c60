namespace Wearable.Firmware.Board
{
    /// <summary>
    /// The board's analog front end as the core sees it: interleaved int16 frames (one sample per
    /// channel, channel 0 first), already quantized at the ADC boundary.
    /// </summary>
    public interface ISampleSource
    {
        /// <summary>Channels per frame.</summary>
        int Channels { get; }

        /// <summary>Frames per second.</summary>
        int SampleRate { get; }

        /// <summary>
        /// Copies up to <paramref name="maxFrames"/> frames that the ADC has produced since the last
        /// call into <paramref name="buffer"/> at <paramref name="offset"/> (interleaved) and returns
        /// how many frames it copied; 0 when none is ready. Never blocks.
        /// </summary>
        int ReadFrames(short[] buffer, int offset, int maxFrames);
    }
}
