using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Negative acknowledgement, sent with the Response and Error flags and the refused request's sequence
    /// number. Detail is a short human-readable reason (what was wrong, what to do) for logs and CLI messages.
    /// Layout (8 + DetailLength bytes, little-endian): Code u16 | RefusedSequence u16 | RefusedType u8 |
    /// DetailLength u8 | reserved[2] | Detail (UTF-8).
    /// </summary>
    public sealed class ErrorMessage : ILinkMessage
    {
        /// <summary>Bytes before the detail text.</summary>
        public const int HeaderLength = 8;

        /// <summary>Longest detail text in bytes.</summary>
        public const int MaxDetailLength = 128;

        /// <summary>Creates a holder for the longest detail.</summary>
        public ErrorMessage()
        {
            Detail = new byte[MaxDetailLength];
        }

        /// <summary>What went wrong.</summary>
        public LinkErrorCode Code { get; set; }

        /// <summary>Sequence number of the refused frame.</summary>
        public int RefusedSequence { get; set; }

        /// <summary>Type of the refused frame.</summary>
        public LinkMessageType RefusedType { get; set; }

        /// <summary>Detail bytes (UTF-8); the first DetailLength are meaningful.</summary>
        public byte[] Detail { get; private set; }

        /// <summary>Length of the detail.</summary>
        public int DetailLength { get; set; }

        /// <summary>Sets the detail text (allocates a temporary; errors are rare).</summary>
        public void SetDetail(string text)
        {
            DetailLength = LinkText.Encode(text, Detail, MaxDetailLength);
        }

        /// <summary>The detail as a string (allocates).</summary>
        public string GetDetail()
        {
            return LinkText.Decode(Detail, DetailLength);
        }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.Error; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return HeaderLength + DetailLength; }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            if (DetailLength < 0 || DetailLength > MaxDetailLength)
            {
                throw new ArgumentOutOfRangeException("DetailLength", "detail is 0.." + MaxDetailLength.ToString() + " bytes.");
            }

            LinkPayload.CheckUInt16(RefusedSequence, "RefusedSequence");
            int length = PayloadLength;
            LinkPayload.CheckWrite(buffer, offset, length);
            LinkBytes.WriteUInt16(buffer, offset, (int)Code);
            LinkBytes.WriteUInt16(buffer, offset + 2, RefusedSequence);
            buffer[offset + 4] = (byte)RefusedType;
            buffer[offset + 5] = (byte)DetailLength;
            buffer[offset + 6] = 0;
            buffer[offset + 7] = 0;
            Array.Copy(Detail, 0, buffer, offset + HeaderLength, DetailLength);
            return length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, HeaderLength))
            {
                return false;
            }

            int detailLength = buffer[offset + 5];
            if (detailLength > MaxDetailLength || length != HeaderLength + detailLength)
            {
                return false;
            }

            Code = (LinkErrorCode)LinkBytes.ReadUInt16(buffer, offset);
            RefusedSequence = LinkBytes.ReadUInt16(buffer, offset + 2);
            RefusedType = (LinkMessageType)buffer[offset + 4];
            DetailLength = detailLength;
            Array.Copy(buffer, offset + HeaderLength, Detail, 0, detailLength);
            return true;
        }
    }
}
