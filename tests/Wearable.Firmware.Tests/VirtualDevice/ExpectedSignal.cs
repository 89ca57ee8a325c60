using Wearable.VirtualDevice.Sources;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>
/// Regenerates the synthetic source's frames from its seed to check what arrived. Frames are asked for
/// by absolute ADC index (from a block's timestamp), in increasing order.
/// </summary>
internal sealed class ExpectedSignal(int channels, int sampleRate, int seed)
{
    private readonly SyntheticEmg _generator = new(channels, sampleRate, seed);
    private readonly short[] _skip = new short[channels];
    private long _next;

    /// <summary>ADC frame index of a block stamped <paramref name="timestampMicros"/> by a device whose clock started at 0.</summary>
    public long FrameIndexAt(long timestampMicros) => timestampMicros * sampleRate / 1_000_000;

    /// <summary>The interleaved values of <paramref name="frames"/> frames from <paramref name="firstFrame"/>.</summary>
    public short[] Frames(long firstFrame, int frames)
    {
        if (firstFrame < _next)
        {
            throw new InvalidOperationException($"Frames must be asked for in order: {firstFrame} comes before {_next}.");
        }

        while (_next < firstFrame)
        {
            _generator.Next(_skip, 0);
            _next++;
        }

        var values = new short[frames * channels];
        for (int f = 0; f < frames; f++)
        {
            _generator.Next(values, f * channels);
        }

        _next += frames;
        return values;
    }
}
