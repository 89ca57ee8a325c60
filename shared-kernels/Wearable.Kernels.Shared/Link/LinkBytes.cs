namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Little-endian field access for payloads. Written by hand because BitConverter is not guaranteed
    /// on every target and its byte order follows the CPU; the wire is little-endian everywhere.
    /// Callers check lengths first (the message codecs do), so these do no range checks of their own
    /// beyond the runtime's array bounds check.
    /// </summary>
    public static class LinkBytes
    {
        /// <summary>Writes an unsigned 16-bit value.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Reads an unsigned 16-bit value.</summary>
        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8);
        }

        /// <summary>Writes a signed 16-bit value.</summary>
        public static void WriteInt16(byte[] buffer, int offset, short value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Reads a signed 16-bit value.</summary>
        public static short ReadInt16(byte[] buffer, int offset)
        {
            return (short)(buffer[offset] | (buffer[offset + 1] << 8));
        }

        /// <summary>Writes a 32-bit value (signed or unsigned: the bytes are the same).</summary>
        public static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Reads a signed 32-bit value.</summary>
        public static int ReadInt32(byte[] buffer, int offset)
        {
            return buffer[offset]
                | (buffer[offset + 1] << 8)
                | (buffer[offset + 2] << 16)
                | (buffer[offset + 3] << 24);
        }

        /// <summary>Writes an unsigned 32-bit value.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            WriteInt32(buffer, offset, (int)value);
        }

        /// <summary>Reads an unsigned 32-bit value.</summary>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)ReadInt32(buffer, offset);
        }

        /// <summary>Writes a signed 64-bit value.</summary>
        public static void WriteInt64(byte[] buffer, int offset, long value)
        {
            WriteInt32(buffer, offset, (int)value);
            WriteInt32(buffer, offset + 4, (int)(value >> 32));
        }

        /// <summary>Reads a signed 64-bit value.</summary>
        public static long ReadInt64(byte[] buffer, int offset)
        {
            long low = (uint)ReadInt32(buffer, offset);
            long high = ReadInt32(buffer, offset + 4);
            return (high << 32) | low;
        }
    }
}
