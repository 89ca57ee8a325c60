namespace Wearable.Kernels.Link
{
    /// <summary>Bits of DeviceInfo.Status: the session state as the device sees it.</summary>
    public static class LinkDeviceStatus
    {
        /// <summary>At least one host is paired.</summary>
        public const byte Paired = 0x01;

        /// <summary>Pairing mode is armed by the deliberate act (button, flag); a PairRequest will be accepted.</summary>
        public const byte PairingArmed = 0x02;

        /// <summary>The session on this link is authenticated.</summary>
        public const byte Authenticated = 0x04;

        /// <summary>A stream is running.</summary>
        public const byte Streaming = 0x08;
    }
}
