namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device: all chunks sent; verify size, CRC-32 and the model file, then make the slot active.
    /// Reply: Ack, or Error (CrcMismatch, ModelInvalid, NoUploadInProgress); on error the previous model stays active.
    /// Layout (8 bytes, little-endian): Slot u8 | reserved[3] | Crc32 u32.
    /// </summary>
    public sealed class ModelCommitMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 8;

        /// <summary>Slot being committed.</summary>
        public byte Slot { get; set; }

        /// <summary>CRC-32 repeated, so a commit cannot confirm the wrong upload.</summary>
        public uint Crc32 { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.ModelCommit; }
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
            LinkBytes.WriteUInt32(buffer, offset + 4, Crc32);
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
            Crc32 = LinkBytes.ReadUInt32(buffer, offset + 4);
            return true;
        }
    }
}
