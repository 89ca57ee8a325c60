using Wearable.Hil.Streaming;
using Wearable.Kernels.Dsp;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Simulation;

/// <summary>
/// The desktop side of streaming HIL: the recording the virtual device plays (looping, like its
/// PlaybackSource), optionally through the same band filter the device's Filtered stream uses, from
/// a reset state at the first requested frame (the device resets its filter when the stream starts).
/// </summary>
public sealed class RecordingStreamReference(Recording recording, BiquadCascadeParameters? band) : IStreamReference
{
    private readonly BiquadCascade? _filter = band is null ? null : new BiquadCascade(band, recording.Channels);

    public short[] Expected(long firstFrame, int frames)
    {
        int channels = recording.Channels;
        var raw = new short[frames * channels];
        for (int f = 0; f < frames; f++)
        {
            long source = (firstFrame + f) % recording.Frames;
            Array.Copy(recording.Samples, source * channels, raw, (long)f * channels, channels);
        }

        if (_filter is null)
        {
            return raw;
        }

        var guarded = new int[raw.Length];
        _filter.ProcessFrames(raw, 0, guarded, 0, frames);
        return guarded.Select(g => BiquadCascade.ToInt16(g, _filter.GuardBits)).ToArray();
    }
}
