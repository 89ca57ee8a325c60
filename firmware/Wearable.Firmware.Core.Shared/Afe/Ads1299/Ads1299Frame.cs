namespace Wearable.Firmware.Afe.Ads1299
{
    /// <summary>
    /// One conversion as the chip shifts it out: per device a 24-bit status word (1100, LOFF_STATP,
    /// LOFF_STATN, GPIO 7:4) and eight 24-bit two's-complement samples, most significant byte first;
    /// a daisy chain appends device 2's 27 bytes after device 1's.
    /// </summary>
    public static class Ads1299Frame
    {
        public const int BytesPerDevice = 27;

        /// <summary>The signed 24-bit value at <paramref name="offset"/> (big-endian two's complement).</summary>
        public static int Int24(byte[] data, int offset)
        {
            int raw = (data[offset] << 16) | (data[offset + 1] << 8) | data[offset + 2];
            return (raw << 8) >> 8;
        }

        /// <summary>The 24-bit status word of device <paramref name="device"/>.</summary>
        public static int Status(byte[] frame, int device)
        {
            int at = device * BytesPerDevice;
            return (frame[at] << 16) | (frame[at + 1] << 8) | frame[at + 2];
        }

        /// <summary>True when the status word starts with the 1100 sync nibble the chip always sends.</summary>
        public static bool HasSync(int status)
        {
            return ((status >> 20) & 0xF) == Ads1299Register.StatusSync;
        }

        /// <summary>LOFF_STATP: bit n set = channel n+1's positive electrode is off.</summary>
        public static int LeadOffPositive(int status)
        {
            return (status >> 12) & 0xFF;
        }

        /// <summary>LOFF_STATN: bit n set = channel n+1's negative electrode is off.</summary>
        public static int LeadOffNegative(int status)
        {
            return (status >> 4) & 0xFF;
        }

        /// <summary>A 24-bit code as an int16 sample: shifted right with rounding, saturated.</summary>
        public static short ToSample(int code, int shift)
        {
            int value = shift == 0 ? code : (code + (1 << (shift - 1))) >> shift;
            if (value > short.MaxValue)
            {
                return short.MaxValue;
            }

            if (value < short.MinValue)
            {
                return short.MinValue;
            }

            return (short)value;
        }
    }
}
