namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Sizes and the version of the framing. A frame on the wire is
    /// COBS( header[8] | payload[0..MaxPayloadLength] | CRC-32[4] ) followed by one 0x00.
    /// docs/protocol.md explains each number; the short reasons are kept here.
    /// </summary>
    public static class LinkProtocol
    {
        /// <summary>Protocol version carried in byte 0 of every header; frames of another version are dropped and counted.</summary>
        public const byte Version = 1;

        /// <summary>Header: version, message type, flags, reserved, sequence (u16 LE), payload length (u16 LE).</summary>
        public const int HeaderLength = 8;

        /// <summary>CRC-32/IEEE over header and payload, little-endian, after the payload.</summary>
        public const int CrcLength = 4;

        /// <summary>
        /// 1 KiB: holds a 16-channel block of 31 samples (16 per block is the recommended streaming size) or a
        /// 1016-byte model chunk, costs about 11 ms on a 921600-baud UART (small against a 50 ms control loop)
        /// and keeps a receiver's buffers near 1 KB each on a ~100 KB nanoFramework heap.
        /// </summary>
        public const int MaxPayloadLength = 1024;

        /// <summary>Header, largest payload and CRC before COBS.</summary>
        public const int MaxRawFrameLength = HeaderLength + MaxPayloadLength + CrcLength;

        /// <summary>Worst-case COBS encoding of the largest frame plus its 0x00 delimiter: what a sender's buffer must hold.</summary>
        public const int MaxEncodedFrameLength = MaxRawFrameLength + (MaxRawFrameLength / 254) + 1 + 1;

        /// <summary>Header plus CRC: the bytes every frame costs before COBS.</summary>
        public const int FrameOverhead = HeaderLength + CrcLength;

        /// <summary>The frame delimiter; COBS guarantees it appears nowhere else.</summary>
        public const byte Delimiter = 0;
    }
}
