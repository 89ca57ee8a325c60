namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Positive acknowledgement, sent with the Response flag and the request's sequence number. The fields repeat
    /// type and sequence so a log of payloads alone is still readable.
    /// Layout (4 bytes, little-endian): AckedType u8 | reserved u8 | AckedSequence u16.
    /// </summary>
    public sealed class AckMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 4;

        /// <summary>Type of the acknowledged request.</summary>
        public LinkMessageType AckedType { get; set; }

        /// <summary>Its sequence number.</summary>
        public int AckedSequence { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.Ack; }
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
            LinkPayload.CheckUInt16(AckedSequence, "AckedSequence");
            buffer[offset] = (byte)AckedType;
            buffer[offset + 1] = 0;
            LinkBytes.WriteUInt16(buffer, offset + 2, AckedSequence);
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            AckedType = (LinkMessageType)buffer[offset];
            AckedSequence = LinkBytes.ReadUInt16(buffer, offset + 2);
            return true;
        }
    }
}
