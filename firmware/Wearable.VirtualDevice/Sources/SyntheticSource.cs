using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Sources;

/// <summary>The synthetic sEMG generator as a clocked ADC.</summary>
public sealed class SyntheticSource(IDeviceClock clock, int channels, int sampleRate, int seed)
    : ClockedSource(clock, channels, sampleRate)
{
    private readonly SyntheticEmg _generator = new(channels, sampleRate, seed);

    protected override void NextFrame(short[] buffer, int offset) => _generator.Next(buffer, offset);
}
