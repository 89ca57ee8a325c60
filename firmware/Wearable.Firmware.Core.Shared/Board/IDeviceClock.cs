namespace Wearable.Firmware.Board
{
    /// <summary>A monotonic microsecond counter (ESP32 esp_timer, STM32 TIM, or a simulated clock).</summary>
    public interface IDeviceClock
    {
        /// <summary>Microseconds since boot; never goes backwards.</summary>
        long Microseconds { get; }
    }
}
