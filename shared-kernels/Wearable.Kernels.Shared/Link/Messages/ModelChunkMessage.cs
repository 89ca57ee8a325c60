using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device: bytes of the model file at Offset. Chunks must arrive in order (Offset = bytes received so
    /// far); a device answers Error UnexpectedOffset otherwise, which lets a host resume after a lost frame.
    /// Layout (8 + DataLength bytes, little-endian): Offset u32 | DataLength u16 | reserved[2] | Data.
    /// </summary>
    public sealed class ModelChunkMessage : ILinkMessage
    {
        /// <summary>Bytes before the data.</summary>
        public const int HeaderLength = 8;

        /// <summary>Largest chunk.</summary>
        public const int MaxDataLength = LinkProtocol.MaxPayloadLength - HeaderLength;

        /// <summary>Chunk size hosts should use: a power of two that keeps frames near half the maximum.</summary>
        public const int RecommendedDataLength = 512;

        /// <summary>Creates a holder whose data buffer fits the largest chunk.</summary>
        public ModelChunkMessage()
        {
            Data = new byte[MaxDataLength];
        }

        /// <summary>Position of the first byte in the model file.</summary>
        public uint Offset { get; set; }

        /// <summary>Bytes in this chunk.</summary>
        public int DataLength { get; set; }

        /// <summary>Chunk bytes; the first DataLength are meaningful.</summary>
        public byte[] Data { get; private set; }

        /// <summary>Copies <paramref name="count"/> bytes from <paramref name="source"/> into Data and sets DataLength.</summary>
        public void SetData(byte[] source, int sourceOffset, int count)
        {
            if (count < 0 || count > MaxDataLength)
            {
                throw new ArgumentOutOfRangeException("count", "a chunk carries 0.." + MaxDataLength.ToString() + " bytes.");
            }

            Array.Copy(source, sourceOffset, Data, 0, count);
            DataLength = count;
        }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.ModelChunk; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return HeaderLength + DataLength; }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            if (DataLength < 0 || DataLength > MaxDataLength)
            {
                throw new ArgumentOutOfRangeException("DataLength", "a chunk carries 0.." + MaxDataLength.ToString() + " bytes.");
            }

            int length = PayloadLength;
            LinkPayload.CheckWrite(buffer, offset, length);
            LinkBytes.WriteUInt32(buffer, offset, Offset);
            LinkBytes.WriteUInt16(buffer, offset + 4, DataLength);
            buffer[offset + 6] = 0;
            buffer[offset + 7] = 0;
            Array.Copy(Data, 0, buffer, offset + HeaderLength, DataLength);
            return length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, HeaderLength))
            {
                return false;
            }

            int dataLength = LinkBytes.ReadUInt16(buffer, offset + 4);
            if (length != HeaderLength + dataLength)
            {
                return false;
            }

            Offset = LinkBytes.ReadUInt32(buffer, offset);
            DataLength = dataLength;
            Array.Copy(buffer, offset + HeaderLength, Data, 0, dataLength);
            return true;
        }
    }
}
