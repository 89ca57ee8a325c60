namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x100,
        SPI1_MISO = 0x101,
        SPI1_CLOCK = 0x102,
        COM2_TX = 0x301,
        COM2_RX = 0x302,
    }

    public static class Configuration
    {
        public static void SetPinFunction(int gpioNumber, DeviceFunction deviceFunction)
        {
        }
    }

    public static class HighResTimer
    {
        /// <summary>Microseconds since boot (esp_timer_get_time).</summary>
        public static ulong GetCurrent()
        {
            return 0;
        }
    }
}
