using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host: the outcome of a HilRun. ElapsedTicks / TickFrequencyHz is the device-measured run time,
    /// so timing is the device's own and not blurred by the link.
    /// Layout (16 + OutputLength bytes, little-endian): Status u16 | OutputLength u16 | TickFrequencyHz u32 |
    /// ElapsedTicks i64 | Output.
    /// </summary>
    public sealed class HilResultMessage : ILinkMessage
    {
        /// <summary>Bytes before the output.</summary>
        public const int HeaderLength = 16;

        /// <summary>Largest output.</summary>
        public const int MaxOutputLength = LinkProtocol.MaxPayloadLength - HeaderLength;

        /// <summary>Creates a holder sized for the largest output.</summary>
        public HilResultMessage()
        {
            Output = new byte[MaxOutputLength];
        }

        /// <summary>None on success, else why the run failed (UnknownKernel, BadHilInput, ...).</summary>
        public LinkErrorCode Status { get; set; }

        /// <summary>Ticks per second of the device clock that measured ElapsedTicks.</summary>
        public uint TickFrequencyHz { get; set; }

        /// <summary>Device ticks spent in the run.</summary>
        public long ElapsedTicks { get; set; }

        /// <summary>Output bytes in the kernel's own layout; the first OutputLength are meaningful.</summary>
        public byte[] Output { get; private set; }

        /// <summary>Length of the output.</summary>
        public int OutputLength { get; set; }

        /// <summary>Copies the output and sets OutputLength.</summary>
        public void SetOutput(byte[] source, int sourceOffset, int count)
        {
            if (count < 0 || count > MaxOutputLength)
            {
                throw new ArgumentOutOfRangeException("count", "HIL output is 0.." + MaxOutputLength.ToString() + " bytes.");
            }

            Array.Copy(source, sourceOffset, Output, 0, count);
            OutputLength = count;
        }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.HilResult; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return HeaderLength + OutputLength; }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            if (OutputLength < 0 || OutputLength > MaxOutputLength)
            {
                throw new ArgumentOutOfRangeException("OutputLength", "HIL output is 0.." + MaxOutputLength.ToString() + " bytes.");
            }

            int length = PayloadLength;
            LinkPayload.CheckWrite(buffer, offset, length);
            LinkBytes.WriteUInt16(buffer, offset, (int)Status);
            LinkBytes.WriteUInt16(buffer, offset + 2, OutputLength);
            LinkBytes.WriteUInt32(buffer, offset + 4, TickFrequencyHz);
            LinkBytes.WriteInt64(buffer, offset + 8, ElapsedTicks);
            Array.Copy(Output, 0, buffer, offset + HeaderLength, OutputLength);
            return length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, HeaderLength))
            {
                return false;
            }

            int outputLength = LinkBytes.ReadUInt16(buffer, offset + 2);
            if (length != HeaderLength + outputLength)
            {
                return false;
            }

            Status = (LinkErrorCode)LinkBytes.ReadUInt16(buffer, offset);
            OutputLength = outputLength;
            TickFrequencyHz = LinkBytes.ReadUInt32(buffer, offset + 4);
            ElapsedTicks = LinkBytes.ReadInt64(buffer, offset + 8);
            Array.Copy(buffer, offset + HeaderLength, Output, 0, outputLength);
            return true;
        }
    }
}
