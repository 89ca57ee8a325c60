namespace Wearable.Kernels.Link
{
    /// <summary>
    /// An event marker. Host to device: the device stamps it with its clock and echoes it into the stream
    /// (TimestampMicros is ignored on receipt). Device to host: a marker from the device (button, trigger input).
    /// Layout (12 bytes, little-endian): TimestampMicros i64 | Value i32.
    /// </summary>
    public sealed class MarkerMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 12;

        /// <summary>Device clock, microseconds.</summary>
        public long TimestampMicros { get; set; }

        /// <summary>Application-defined marker code.</summary>
        public int Value { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.Marker; }
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
            LinkBytes.WriteInt64(buffer, offset, TimestampMicros);
            LinkBytes.WriteInt32(buffer, offset + 8, Value);
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            TimestampMicros = LinkBytes.ReadInt64(buffer, offset + 0);
            Value = LinkBytes.ReadInt32(buffer, offset + 8);
            return true;
        }
    }
}
