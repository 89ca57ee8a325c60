namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host: the ping's fields plus the device clock when the ping was received and when the pong
    /// was sent. Offset estimate = ((rx - hostSend) + (tx - hostReceive)) / 2.
    /// Layout (28 bytes, little-endian): HostTimeMicros i64 | PingId u32 | DeviceReceiveMicros i64 | DeviceTransmitMicros i64.
    /// </summary>
    public sealed class TimeSyncPongMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 28;

        /// <summary>Echo of the ping.</summary>
        public long HostTimeMicros { get; set; }

        /// <summary>Echo of the ping.</summary>
        public uint PingId { get; set; }

        /// <summary>Device clock at ping reception, microseconds.</summary>
        public long DeviceReceiveMicros { get; set; }

        /// <summary>Device clock when the pong was queued, microseconds.</summary>
        public long DeviceTransmitMicros { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.TimeSyncPong; }
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
            LinkBytes.WriteInt64(buffer, offset + 12, DeviceReceiveMicros);
            LinkBytes.WriteInt64(buffer, offset + 20, DeviceTransmitMicros);
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
            DeviceReceiveMicros = LinkBytes.ReadInt64(buffer, offset + 12);
            DeviceTransmitMicros = LinkBytes.ReadInt64(buffer, offset + 20);
            return true;
        }
    }
}
