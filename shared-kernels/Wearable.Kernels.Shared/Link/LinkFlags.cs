namespace Wearable.Kernels.Link
{
    /// <summary>Bits of header byte 2. Unknown bits are ignored by receivers and sent as zero.</summary>
    public static class LinkFlags
    {
        /// <summary>No flag.</summary>
        public const byte None = 0;

        /// <summary>The sender wants an Ack (or an Error) for this frame even if the message has no other reply.</summary>
        public const byte AckRequested = 0x01;

        /// <summary>This frame answers a request; its sequence number is the request's.</summary>
        public const byte Response = 0x02;

        /// <summary>This frame reports a failure (an Error message, or a result whose status is not Ok).</summary>
        public const byte Error = 0x04;
    }
}
