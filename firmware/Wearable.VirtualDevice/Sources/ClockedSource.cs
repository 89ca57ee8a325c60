using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Sources;

/// <summary>
/// A simulated ADC: frames become available as the device clock passes their sampling instant, so
/// the same source runs in real time or as fast as the board loop advances a fast clock.
/// </summary>
public abstract class ClockedSource : ISampleSource
{
    private readonly IDeviceClock _clock;
    private readonly long _startMicroseconds;
    private long _produced;

    protected ClockedSource(IDeviceClock clock, int channels, int sampleRate)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        if (channels < 1 || sampleRate < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), "A source needs at least one channel and a positive rate.");
        }

        Channels = channels;
        SampleRate = sampleRate;
        _startMicroseconds = clock.Microseconds;
    }

    public int Channels { get; }

    public int SampleRate { get; }

    /// <summary>When set, records the wall time at which frames entered the device (latency benches).</summary>
    public SampleEntryLog? EntryLog { get; set; }

    /// <summary>Frames handed out so far.</summary>
    public long FramesProduced => _produced;

    public int ReadFrames(short[] buffer, int offset, int maxFrames)
    {
        long due = (_clock.Microseconds - _startMicroseconds) * SampleRate / 1_000_000;
        long ready = due - _produced;
        int n = (int)Math.Min(ready, maxFrames);
        for (int i = 0; i < n; i++)
        {
            NextFrame(buffer, offset + (i * Channels));
            _produced++;
        }

        if (n > 0)
        {
            EntryLog?.Record(_produced);
        }

        return Math.Max(n, 0);
    }

    /// <summary>The next frame regardless of the clock: a simulated ADC chip converting at its own pace pulls frames this way.</summary>
    public void NextUnclockedFrame(short[] frame) => NextFrame(frame, 0);

    /// <summary>Writes the next frame (<see cref="Channels"/> samples) at <paramref name="offset"/>.</summary>
    protected abstract void NextFrame(short[] buffer, int offset);
}
