using System.Diagnostics;
using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Board;

/// <summary>
/// The virtual board's microsecond clock. In real-time mode it follows the host's monotonic clock;
/// in fast mode the board loop advances it, so device time runs as fast as the link lets the
/// device drain its samples (the bandwidth cap still holds, only idle time disappears).
/// </summary>
public sealed class VirtualClock : IDeviceClock
{
    private readonly Stopwatch? _wall;
    private long _simulated;

    private VirtualClock(bool realTime)
    {
        _wall = realTime ? Stopwatch.StartNew() : null;
    }

    public static VirtualClock RealTime() => new(true);

    public static VirtualClock Fast() => new(false);

    public bool IsRealTime => _wall is not null;

    public long Microseconds => _wall is not null ? _wall.ElapsedTicks * 1_000_000 / Stopwatch.Frequency : Interlocked.Read(ref _simulated);

    /// <summary>Moves fast-mode time forward (ignored in real-time mode).</summary>
    public void Advance(long microseconds)
    {
        if (_wall is null)
        {
            Interlocked.Add(ref _simulated, microseconds);
        }
    }
}
