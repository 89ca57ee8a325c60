using System;
using System.Text;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// UTF-8 text fields (kernel names, log lines, error details) are stored as bytes in the message holders so
    /// receiving allocates nothing; these helpers convert at the edges, where a string is wanted anyway.
    /// </summary>
    public static class LinkText
    {
        /// <summary>
        /// Encodes <paramref name="text"/> into <paramref name="destination"/>, cut at <paramref name="capacity"/>
        /// bytes (never inside a multi-byte character), and returns the byte count. Allocates one temporary array.
        /// </summary>
        public static int Encode(string text, byte[] destination, int capacity)
        {
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }

            if (text == null || text.Length == 0)
            {
                return 0;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(text);
            int n = bytes.Length;
            if (n > capacity)
            {
                n = capacity;
                // Step back over continuation bytes (10xxxxxx) so the cut falls on a character boundary.
                while (n > 0 && (bytes[n] & 0xC0) == 0x80)
                {
                    n--;
                }
            }

            Array.Copy(bytes, 0, destination, 0, n);
            return n;
        }

        /// <summary>The first <paramref name="count"/> bytes as a string (allocates).</summary>
        public static string Decode(byte[] source, int count)
        {
            if (count <= 0)
            {
                return string.Empty;
            }

            return Encoding.UTF8.GetString(source, 0, count);
        }

        /// <summary>
        /// True when the bytes equal <paramref name="ascii"/> exactly, without allocating: how a device matches a
        /// HilRun kernel name against its table.
        /// </summary>
        public static bool EqualsAscii(byte[] bytes, int count, string ascii)
        {
            if (bytes == null || ascii == null || ascii.Length != count)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (bytes[i] != ascii[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
