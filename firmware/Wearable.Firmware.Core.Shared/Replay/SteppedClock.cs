using Wearable.Firmware.Board;

namespace Wearable.Firmware.Replay
{
    /// <summary>
    /// A device clock that moves only when told: a replayed session then sees the same time at the same
    /// main-loop pass on every runtime, so its output does not depend on how fast the runtime is.
    /// </summary>
    public sealed class SteppedClock : IDeviceClock
    {
        public long Microseconds { get; set; }
    }
}
