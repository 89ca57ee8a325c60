using nanoFramework.Hardware.Esp32;
using Wearable.Firmware.Board;

namespace Wearable.Board.Esp32
{
    /// <summary>esp_timer's microseconds since boot (64-bit: no wrap in the device's lifetime).</summary>
    public sealed class Esp32Clock : IDeviceClock
    {
        public long Microseconds
        {
            get { return (long)HighResTimer.GetCurrent(); }
        }
    }
}
