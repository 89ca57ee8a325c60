namespace Wearable.Board.Esp32
{
    /// <summary>
    /// Where things are wired on the reference ESP32 board (ESP32-DevKitC + one ADS1299). The same
    /// figures are in firmware/boards/Esp32/board.json, which the host tools read; a test keeps the two equal.
    /// </summary>
    public static class Esp32Wiring
    {
        public const int SpiBus = 1;
        public const int SpiClockPin = 18;
        public const int SpiMisoPin = 19;
        public const int SpiMosiPin = 23;
        public const int ChipSelectPin = 5;
        public const int SpiClockHz = 2000000;
        public const int DataReadyPin = 4;
        public const int PairingButtonPin = 0;
        public const string LinkPort = "COM2";
        public const int LinkTxPin = 17;
        public const int LinkRxPin = 16;
        public const int LinkBaud = 921600;
        public const int SampleRate = 1000;
    }
}
