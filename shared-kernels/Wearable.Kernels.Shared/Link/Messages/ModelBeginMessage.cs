namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device (authenticated): start uploading a model file into the inactive A/B slot. The device erases
    /// the slot and answers Ack, or Error (ModelTooLarge, Busy, InvalidArgument for the active slot).
    /// Layout (12 bytes, little-endian): Slot u8 | reserved[3] | TotalSize u32 | Crc32 u32.
    /// </summary>
    public sealed class ModelBeginMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 12;

        /// <summary>Target slot: 0 = A, 1 = B.</summary>
        public byte Slot { get; set; }

        /// <summary>Size of the whole model file in bytes.</summary>
        public uint TotalSize { get; set; }

        /// <summary>CRC-32/IEEE of the whole file.</summary>
        public uint Crc32 { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.ModelBegin; }
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
            LinkBytes.WriteUInt32(buffer, offset + 4, TotalSize);
            LinkBytes.WriteUInt32(buffer, offset + 8, Crc32);
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
            TotalSize = LinkBytes.ReadUInt32(buffer, offset + 4);
            Crc32 = LinkBytes.ReadUInt32(buffer, offset + 8);
            return true;
        }
    }
}
