namespace Wearable.Firmware.Afe.Ads1299
{
    /// <summary>SPI opcodes of the ADS1299 (datasheet SBAS499, "SPI Command Definitions").</summary>
    public static class Ads1299Command
    {
        public const byte Wakeup = 0x02;
        public const byte Standby = 0x04;
        public const byte Reset = 0x06;
        public const byte Start = 0x08;
        public const byte Stop = 0x0A;

        /// <summary>Read data continuous: every DRDY the next clocks shift out a data frame; register commands are ignored.</summary>
        public const byte ReadDataContinuous = 0x10;

        /// <summary>Stop read data continuous: needed before any register read or write.</summary>
        public const byte StopDataContinuous = 0x11;

        /// <summary>Read one conversion on demand (outside RDATAC).</summary>
        public const byte ReadData = 0x12;

        /// <summary>First byte 001r rrrr (start address), second byte 000n nnnn (registers to read minus one).</summary>
        public const byte ReadRegisters = 0x20;

        /// <summary>First byte 010r rrrr (start address), second byte 000n nnnn (registers to write minus one), then the values.</summary>
        public const byte WriteRegisters = 0x40;
    }
}
