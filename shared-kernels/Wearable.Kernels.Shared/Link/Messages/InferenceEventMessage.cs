namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host: one classification from the active model.
    /// Layout (16 bytes, little-endian): TimestampMicros i64 | EventSequence u32 | ClassId u16 | Score i16.
    /// </summary>
    public sealed class InferenceEventMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 16;

        /// <summary>Device clock, microseconds, of the window the decision covers (its last sample).</summary>
        public long TimestampMicros { get; set; }

        /// <summary>Counts events from stream start; a gap means a lost frame.</summary>
        public uint EventSequence { get; set; }

        /// <summary>Class index in the model's label list.</summary>
        public int ClassId { get; set; }

        /// <summary>Confidence in Q15 (32767 = 1.0).</summary>
        public short Score { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.InferenceEvent; }
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
            LinkPayload.CheckUInt16(ClassId, "ClassId");
            LinkBytes.WriteInt64(buffer, offset, TimestampMicros);
            LinkBytes.WriteUInt32(buffer, offset + 8, EventSequence);
            LinkBytes.WriteUInt16(buffer, offset + 12, ClassId);
            LinkBytes.WriteInt16(buffer, offset + 14, Score);
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
            EventSequence = LinkBytes.ReadUInt32(buffer, offset + 8);
            ClassId = LinkBytes.ReadUInt16(buffer, offset + 12);
            Score = LinkBytes.ReadInt16(buffer, offset + 14);
            return true;
        }
    }
}
