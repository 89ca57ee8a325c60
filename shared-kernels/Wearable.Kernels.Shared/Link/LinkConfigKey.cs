namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Ids of ConfigGet/ConfigSet settings (u16). Values are plain int32 in the unit the name says. Wire format:
    /// never renumber, only add; a device answers UnknownConfigKey for ids it does not implement.
    /// </summary>
    public static class LinkConfigKey
    {
        /// <summary>Acquisition rate per channel, Hz.</summary>
        public const int SampleRateHz = 1;

        /// <summary>Enabled acquisition channels, bit i = channel i.</summary>
        public const int ChannelMask = 2;

        /// <summary>Default samples per SampleBlock.</summary>
        public const int BlockSamples = 3;

        /// <summary>Front-end high-pass corner, centi-hertz (2000 = 20 Hz).</summary>
        public const int HighPassCentiHz = 4;

        /// <summary>Mains notch frequency, Hz (0 = off, 50 or 60).</summary>
        public const int NotchHz = 5;

        /// <summary>Lowest LogMessage level sent to the host.</summary>
        public const int LogLevel = 6;

        /// <summary>Amplifier gain setting (board-specific code).</summary>
        public const int AmplifierGain = 7;

        /// <summary>Link bandwidth the device may use, bits per second (0 = unlimited).</summary>
        public const int LinkBitRate = 8;

        /// <summary>
        /// Per-user detection threshold of the active EEG detector, Q15 (alpha share or SSVEP correlation,
        /// 0..32767). Writable; lasts until the next model load, which restores the model file's default.
        /// </summary>
        public const int DetectorThresholdQ15 = 9;
    }
}
