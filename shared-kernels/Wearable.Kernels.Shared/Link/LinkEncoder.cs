using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Builds frames: header, payload and CRC-32 in a scratch buffer owned by this instance, then COBS and the
    /// 0x00 delimiter into the caller's buffer. One instance per sending thread; nothing is allocated per frame.
    /// </summary>
    public sealed class LinkEncoder
    {
        private readonly byte[] _raw = new byte[LinkProtocol.MaxRawFrameLength];

        /// <summary>The largest number of bytes a frame with this payload length occupies on the wire.</summary>
        public static int MaxEncodedLength(int payloadLength)
        {
            if (payloadLength < 0 || payloadLength > LinkProtocol.MaxPayloadLength)
            {
                throw new ArgumentOutOfRangeException(
                    "payloadLength",
                    "payloadLength must be 0.." + LinkProtocol.MaxPayloadLength.ToString() + ".");
            }

            return Cobs.MaxEncodedLength(payloadLength + LinkProtocol.FrameOverhead) + 1;
        }

        /// <summary>
        /// Encodes a frame around raw payload bytes into <paramref name="destination"/> and returns the bytes
        /// written, delimiter included. <paramref name="destination"/> needs <see cref="MaxEncodedLength"/> bytes
        /// from <paramref name="destinationOffset"/>; <see cref="LinkProtocol.MaxEncodedFrameLength"/> always suffices.
        /// </summary>
        public int Encode(
            LinkMessageType messageType,
            byte flags,
            int sequence,
            byte[] payload,
            int payloadOffset,
            int payloadLength,
            byte[] destination,
            int destinationOffset)
        {
            if (payloadLength < 0 || payloadLength > LinkProtocol.MaxPayloadLength)
            {
                throw new ArgumentOutOfRangeException(
                    "payloadLength",
                    "payloadLength must be 0.." + LinkProtocol.MaxPayloadLength.ToString()
                    + "; split larger data over several messages.");
            }

            if (payloadLength > 0)
            {
                if (payload == null)
                {
                    throw new ArgumentNullException("payload");
                }

                if (payloadOffset < 0 || payloadOffset > payload.Length - payloadLength)
                {
                    throw new ArgumentOutOfRangeException("payloadOffset", "payload range lies outside the payload array.");
                }

                Array.Copy(payload, payloadOffset, _raw, LinkProtocol.HeaderLength, payloadLength);
            }

            return Finish(messageType, flags, sequence, payloadLength, destination, destinationOffset);
        }

        /// <summary>
        /// Encodes a frame whose payload is <paramref name="message"/>'s current fields (written straight into the
        /// scratch buffer, no intermediate copy) and returns the bytes written, delimiter included.
        /// </summary>
        public int Encode(ILinkMessage message, byte flags, int sequence, byte[] destination, int destinationOffset)
        {
            if (message == null)
            {
                throw new ArgumentNullException("message");
            }

            int length = message.PayloadLength;
            if (length < 0 || length > LinkProtocol.MaxPayloadLength)
            {
                throw new ArgumentOutOfRangeException(
                    "message",
                    "the message's payload is " + length.ToString() + " bytes; the limit is "
                    + LinkProtocol.MaxPayloadLength.ToString() + ".");
            }

            int written = message.Write(_raw, LinkProtocol.HeaderLength);
            if (written != length)
            {
                throw new InvalidOperationException("the message wrote a different length than its PayloadLength.");
            }

            return Finish(message.MessageType, flags, sequence, length, destination, destinationOffset);
        }

        private int Finish(
            LinkMessageType messageType,
            byte flags,
            int sequence,
            int payloadLength,
            byte[] destination,
            int destinationOffset)
        {
            if (sequence < 0 || sequence > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException("sequence", "sequence must be 0..65535 (wrap the counter).");
            }

            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }

            int rawLength = payloadLength + LinkProtocol.FrameOverhead;
            if (destinationOffset < 0 || destinationOffset > destination.Length - (Cobs.MaxEncodedLength(rawLength) + 1))
            {
                throw new ArgumentOutOfRangeException(
                    "destinationOffset",
                    "destination needs LinkEncoder.MaxEncodedLength(payloadLength) bytes from destinationOffset.");
            }

            _raw[0] = LinkProtocol.Version;
            _raw[1] = (byte)messageType;
            _raw[2] = flags;
            _raw[3] = 0;
            LinkBytes.WriteUInt16(_raw, 4, sequence);
            LinkBytes.WriteUInt16(_raw, 6, payloadLength);
            int crcAt = LinkProtocol.HeaderLength + payloadLength;
            LinkBytes.WriteUInt32(_raw, crcAt, LinkCrc32.Compute(_raw, 0, crcAt));
            int encoded = Cobs.Encode(_raw, 0, rawLength, destination, destinationOffset);
            destination[destinationOffset + encoded] = LinkProtocol.Delimiter;
            return encoded + 1;
        }
    }
}
