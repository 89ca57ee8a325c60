using System;

namespace Wearable.Kernels.Link
{
    /// <summary>Range checks shared by the message codecs: a bad write is a bug (throw), a bad read is bad input (false).</summary>
    public static class LinkPayload
    {
        /// <summary>Throws unless <paramref name="length"/> bytes fit in <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public static void CheckWrite(byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (length > LinkProtocol.MaxPayloadLength)
            {
                throw new ArgumentException(
                    "the payload would be " + length.ToString() + " bytes; the link carries at most "
                    + LinkProtocol.MaxPayloadLength.ToString() + ".");
            }

            if (offset < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException(
                    "offset",
                    "the buffer needs " + length.ToString() + " bytes from offset " + offset.ToString() + ".");
            }
        }

        /// <summary>Throws unless <paramref name="value"/> fits an unsigned 16-bit field.</summary>
        public static void CheckUInt16(int value, string name)
        {
            if (value < 0 || value > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException(name, name + " must be 0..65535.");
            }
        }

        /// <summary>True when the range is inside the buffer and at least <paramref name="minimum"/> bytes long.</summary>
        public static bool CanRead(byte[] buffer, int offset, int length, int minimum)
        {
            return buffer != null
                && offset >= 0
                && length >= minimum
                && length <= LinkProtocol.MaxPayloadLength
                && offset <= buffer.Length - length;
        }

        /// <summary>Copies a fixed-size field, failing loudly if the caller replaced it with a wrong-sized array.</summary>
        public static void WriteBytes(byte[] field, int expectedLength, byte[] buffer, int offset, string name)
        {
            if (field == null || field.Length != expectedLength)
            {
                throw new ArgumentException(name + " must be " + expectedLength.ToString() + " bytes.");
            }

            Array.Copy(field, 0, buffer, offset, expectedLength);
        }

        /// <summary>Fills a fixed-size field from the payload.</summary>
        public static void ReadBytes(byte[] buffer, int offset, byte[] field, int length)
        {
            Array.Copy(buffer, offset, field, 0, length);
        }
    }
}
