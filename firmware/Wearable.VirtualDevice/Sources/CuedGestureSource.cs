using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Sources;

/// <summary>
/// The <see cref="GestureEmg"/> wearer as a clocked ADC (<c>--source gestures</c>, <c>sim://?source=gestures</c>):
/// the host tells it which gesture to hold (a cued recording does, for each cue), so recordings of a
/// virtual device carry class-dependent signals a model can learn. It logs when each gesture began in
/// device time, so a test can tell which gesture a decision was made on.
/// </summary>
public sealed class CuedGestureSource : ClockedSource
{
    /// <summary>The <see cref="VirtualDeviceOptions.Source"/> value that selects this source.</summary>
    public const string Name = "gestures";

    private readonly GestureEmg _wearer;
    private readonly IDeviceClock _clock;
    private readonly List<GestureChange> _changes = [];

    public CuedGestureSource(IDeviceClock clock, int channels, int sampleRate, int seed)
        : base(clock, channels, sampleRate)
    {
        _clock = clock;
        _wearer = new GestureEmg(channels, sampleRate, seed);
    }

    /// <summary>Holds gesture <paramref name="gesture"/> (0 = rest) from now on.</summary>
    public void Hold(int gesture)
    {
        lock (_changes)
        {
            _wearer.Hold(gesture);
            _changes.Add(new GestureChange(_clock.Microseconds, _wearer.Gesture));
        }
    }

    /// <summary>The gesture held at a device time, or -1 before the first <see cref="Hold"/>.</summary>
    public int GestureAt(long deviceMicroseconds)
    {
        lock (_changes)
        {
            int gesture = -1;
            foreach (GestureChange change in _changes)
            {
                if (change.DeviceMicroseconds <= deviceMicroseconds)
                {
                    gesture = change.Gesture;
                }
            }

            return gesture;
        }
    }

    protected override void NextFrame(short[] buffer, int offset) => _wearer.Next(buffer, offset);

    private sealed record GestureChange(long DeviceMicroseconds, int Gesture);
}
