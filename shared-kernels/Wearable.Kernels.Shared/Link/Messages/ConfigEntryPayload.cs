namespace Wearable.Kernels.Link
{
    /// <summary>
    /// The one payload shape of ConfigSet (host writes a setting) and ConfigValue (device reports it):
    /// Layout (8 bytes, little-endian): Key u16 | reserved[2] | Value i32. The two messages differ only in
    /// their type and direction, so they share this codec.
    /// </summary>
    public abstract class ConfigEntryPayload : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 8;

        /// <summary>Setting id, see LinkConfigKey.</summary>
        public int Key { get; set; }

        /// <summary>The value written (ConfigSet) or in effect (ConfigValue).</summary>
        public int Value { get; set; }

        /// <inheritdoc />
        public abstract LinkMessageType MessageType { get; }

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
            buffer[offset + 2] = 0;
            buffer[offset + 3] = 0;
            LinkBytes.WriteInt32(buffer, offset + 4, Value);
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
            Value = LinkBytes.ReadInt32(buffer, offset + 4);
            return true;
        }
    }
}
