using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Sources;

/// <summary>Plays a recording as a clocked ADC, looping at the end.</summary>
public sealed class PlaybackSource(IDeviceClock clock, Recording recording)
    : ClockedSource(clock, recording.Channels, recording.SampleRate)
{
    private int _frame;

    protected override void NextFrame(short[] buffer, int offset)
    {
        Array.Copy(recording.Samples, _frame * recording.Channels, buffer, offset, recording.Channels);
        _frame = (_frame + 1) % recording.Frames;
    }
}
