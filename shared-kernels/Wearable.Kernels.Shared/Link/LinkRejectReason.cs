namespace Wearable.Kernels.Link
{
    /// <summary>Why <see cref="LinkDecoder"/> dropped the most recent bad frame.</summary>
    public enum LinkRejectReason : byte
    {
        /// <summary>Nothing dropped yet.</summary>
        None = 0,

        /// <summary>A code byte promised more bytes than arrived before the delimiter.</summary>
        CobsError = 1,

        /// <summary>The frame grew past <see cref="LinkProtocol.MaxRawFrameLength"/>; bytes were skipped to the next 0x00.</summary>
        Oversize = 2,

        /// <summary>Fewer bytes than a header and a CRC.</summary>
        TooShort = 3,

        /// <summary>The CRC-32 did not match.</summary>
        CrcMismatch = 4,

        /// <summary>The header's version is not <see cref="LinkProtocol.Version"/>.</summary>
        VersionMismatch = 5,

        /// <summary>The header's payload length disagrees with the bytes received.</summary>
        LengthMismatch = 6,
    }
}
