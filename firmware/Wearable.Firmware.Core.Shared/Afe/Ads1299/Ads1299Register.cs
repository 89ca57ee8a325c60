namespace Wearable.Firmware.Afe.Ads1299
{
    /// <summary>Register addresses and the bit fields the driver sets (datasheet SBAS499, "Register Map").</summary>
    public static class Ads1299Register
    {
        public const int Id = 0x00;
        public const int Config1 = 0x01;
        public const int Config2 = 0x02;
        public const int Config3 = 0x03;
        public const int LeadOff = 0x04;

        /// <summary>CH1SET; CHnSET is at Channel1Set + n - 1.</summary>
        public const int Channel1Set = 0x05;
        public const int BiasSenseP = 0x0D;
        public const int BiasSenseN = 0x0E;
        public const int LeadOffSenseP = 0x0F;
        public const int LeadOffSenseN = 0x10;
        public const int LeadOffFlip = 0x11;
        public const int LeadOffStatusP = 0x12;
        public const int LeadOffStatusN = 0x13;
        public const int Gpio = 0x14;
        public const int Misc1 = 0x15;
        public const int Misc2 = 0x16;
        public const int Config4 = 0x17;
        public const int Count = 0x18;

        /// <summary>ID bit 4 is always 1 and bits 3:2 (DEV_ID) are 11 on an ADS1299; bits 1:0 give 4, 6 or 8 channels.</summary>
        public const int IdFamilyMask = 0x1C;
        public const int IdFamilyAds1299 = 0x1C;

        /// <summary>CONFIG1: bit 7 and bits 4:3 = 10 must be written as shown; bit 6 set = multiple readback, clear = daisy chain; bit 5 = clock output.</summary>
        public const int Config1Fixed = 0x90;
        public const int Config1MultipleReadback = 0x40;
        public const int Config1ClockOutput = 0x20;

        /// <summary>CONFIG2: bits 7:5 = 110 must be written; bit 4 = internal test signal; bit 2 = test amplitude x2; bits 1:0 = test frequency.</summary>
        public const int Config2Fixed = 0xC0;
        public const int Config2InternalTest = 0x10;
        public const int Config2TestAmplitudeDouble = 0x04;

        /// <summary>CONFIG3: bits 6:5 = 11 must be written; bit 7 = internal reference buffer on; bit 3 = bias reference internal; bit 2 = bias buffer on.</summary>
        public const int Config3Fixed = 0x60;
        public const int Config3ReferenceBuffer = 0x80;
        public const int Config3BiasReferenceInternal = 0x08;
        public const int Config3BiasBuffer = 0x04;

        /// <summary>CONFIG4: bit 1 = lead-off comparators powered.</summary>
        public const int Config4LeadOffComparators = 0x02;

        /// <summary>CHnSET: bit 7 = powered down; bits 6:4 = gain code; bit 3 = SRB2; bits 2:0 = input mux.</summary>
        public const int ChannelPowerDown = 0x80;
        public const int ChannelSrb2 = 0x08;

        /// <summary>MISC1 bit 5: SRB1 connects every negative input to the common reference (referential montage).</summary>
        public const int Misc1Srb1 = 0x20;

        /// <summary>The top nibble of every data frame's 24-bit status word.</summary>
        public const int StatusSync = 0xC;
    }
}
