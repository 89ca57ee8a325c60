namespace Wearable.Firmware
{
    /// <summary>The firmware core's version, reported in DeviceInfo.</summary>
    public static class FirmwareVersion
    {
        public const byte Major = 0;
        public const byte Minor = 1;
        public const byte Patch = 0;
    }
}
