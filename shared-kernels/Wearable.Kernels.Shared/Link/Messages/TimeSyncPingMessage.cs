namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device: a clock probe. The host echoes nothing but its own send time, so it can compute the
    /// round trip and the offset (NTP-style) from the pong.
    /// Layout (12 bytes, little-endian): HostTimeMicros i64 | PingId u32.
    /// </summary>
    public sealed class TimeSyncPingMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 12;

        /// <summary>Host clock when sent, microseconds; echoed unchanged.</summary>
        public long HostTimeMicros { get; set; }

        /// <summary>Matches ping and pong.</summary>
        public uint PingId { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.TimeSyncPing; }
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
            LinkBytes.WriteInt64(buffer, offset, HostTimeMicros);
            LinkBytes.WriteUInt32(buffer, offset + 8, PingId);
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            HostTimeMicros = LinkBytes.ReadInt64(buffer, offset + 0);
            PingId = LinkBytes.ReadUInt32(buffer, offset + 8);
            return true;
        }
    }
}
