namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device: stop one stream kind, or every stream with LinkStreamKind.All. Reply: Ack.
    /// Layout (1 bytes, little-endian): Kind u8.
    /// </summary>
    public sealed class StopStreamMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 1;

        /// <summary>What to stop.</summary>
        public LinkStreamKind Kind { get; set; } = LinkStreamKind.All;

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.StopStream; }
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
            buffer[offset] = (byte)Kind;
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            Kind = (LinkStreamKind)buffer[offset];
            return true;
        }
    }
}
