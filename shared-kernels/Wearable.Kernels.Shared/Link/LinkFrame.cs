namespace Wearable.Kernels.Link
{
    /// <summary>
    /// A decoded frame: header fields plus the payload's place in the decoder's buffer. Owned by the
    /// <see cref="LinkDecoder"/> that produced it and valid only until the next byte is pushed.
    /// </summary>
    public sealed class LinkFrame
    {
        internal LinkFrame(byte[] buffer)
        {
            Buffer = buffer;
        }

        /// <summary>Protocol version from the header (always <see cref="LinkProtocol.Version"/> for delivered frames).</summary>
        public byte Version { get; internal set; }

        /// <summary>The message type (may be a value this build does not know; answer with UnknownMessage).</summary>
        public LinkMessageType MessageType { get; internal set; }

        /// <summary>Header flags, see <see cref="LinkFlags"/>.</summary>
        public byte Flags { get; internal set; }

        /// <summary>Sequence number (0..65535).</summary>
        public int Sequence { get; internal set; }

        /// <summary>The decoder's buffer holding the whole raw frame.</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>Where the payload starts in <see cref="Buffer"/>.</summary>
        public int PayloadOffset
        {
            get { return LinkProtocol.HeaderLength; }
        }

        /// <summary>Payload length in bytes.</summary>
        public int PayloadLength { get; internal set; }

        /// <summary>True when every bit of <paramref name="flag"/> is set.</summary>
        public bool HasFlag(byte flag)
        {
            return (Flags & flag) == flag;
        }

        /// <summary>
        /// Parses the payload into <paramref name="message"/> if the types match; false when they do not or the
        /// payload is malformed.
        /// </summary>
        public bool TryRead(ILinkMessage message)
        {
            if (message == null || message.MessageType != MessageType)
            {
                return false;
            }

            return message.TryRead(Buffer, PayloadOffset, PayloadLength);
        }
    }
}
