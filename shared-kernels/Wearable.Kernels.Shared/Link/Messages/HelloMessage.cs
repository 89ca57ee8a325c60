namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device, first frame of a session; allowed before pairing. Reply: DeviceInfo.
    /// Layout (4 bytes, little-endian): ProtocolVersion u8 | reserved u8 | MaxReceivePayload u16.
    /// </summary>
    public sealed class HelloMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 4;

        /// <summary>The highest protocol version the host speaks.</summary>
        public byte ProtocolVersion { get; set; } = LinkProtocol.Version;

        /// <summary>The largest payload the host can receive; the device sizes sample blocks to fit.</summary>
        public int MaxReceivePayload { get; set; } = LinkProtocol.MaxPayloadLength;

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.Hello; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return Length; }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            LinkPayload.CheckWrite(buffer, offset, Length);
            LinkPayload.CheckUInt16(MaxReceivePayload, "MaxReceivePayload");
            buffer[offset] = ProtocolVersion;
            buffer[offset + 1] = 0;
            LinkBytes.WriteUInt16(buffer, offset + 2, MaxReceivePayload);
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            ProtocolVersion = buffer[offset];
            MaxReceivePayload = LinkBytes.ReadUInt16(buffer, offset + 2);
            return true;
        }
    }
}
