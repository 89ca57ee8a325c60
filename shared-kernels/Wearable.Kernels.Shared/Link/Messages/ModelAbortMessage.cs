namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device: discard the upload in progress; the active model is untouched. Reply: Ack.
    /// Layout (4 bytes, little-endian): Slot u8 | reserved[3].
    /// </summary>
    public sealed class ModelAbortMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 4;

        /// <summary>Slot being uploaded.</summary>
        public byte Slot { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.ModelAbort; }
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
            buffer[offset] = Slot;
            buffer[offset + 1] = 0;
            buffer[offset + 2] = 0;
            buffer[offset + 3] = 0;
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            Slot = buffer[offset];
            return true;
        }
    }
}
