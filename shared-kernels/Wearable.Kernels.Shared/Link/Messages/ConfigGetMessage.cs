namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device (authenticated): read one setting. Reply: ConfigValue, or Error UnknownConfigKey.
    /// Layout (2 bytes, little-endian): Key u16.
    /// </summary>
    public sealed class ConfigGetMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 2;

        /// <summary>Setting id, see LinkConfigKey.</summary>
        public int Key { get; set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.ConfigGet; }
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
            LinkPayload.CheckUInt16(Key, "Key");
            LinkBytes.WriteUInt16(buffer, offset, Key);
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            Key = LinkBytes.ReadUInt16(buffer, offset + 0);
            return true;
        }
    }
}
