using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// UTF-8 text fields (kernel names, log lines, error details, board names, model labels) are stored as bytes in
    /// the message holders so receiving allocates nothing; these helpers convert at the edges, where a string is
    /// wanted anyway. The codec is written out here because nanoFramework's mscorlib has no System.Text.Encoding
    /// (it is a separate package the device build does not reference). Malformed input follows .NET's
    /// Encoding.UTF8: a lone surrogate encodes as U+FFFD, and each maximal ill-formed subsequence decodes as one U+FFFD.
    /// </summary>
    public static class LinkText
    {
        private const char ReplacementCharacter = '\uFFFD';

        /// <summary>
        /// Encodes <paramref name="text"/> into <paramref name="destination"/>, cut at <paramref name="capacity"/>
        /// bytes (never inside a multi-byte character), and returns the byte count. Allocates nothing.
        /// </summary>
        public static int Encode(string text, byte[] destination, int capacity)
        {
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }

            if (capacity > destination.Length)
            {
                capacity = destination.Length;
            }

            if (text == null)
            {
                return 0;
            }

            int written = 0;
            int i = 0;
            while (i < text.Length)
            {
                int codePoint = text[i];
                int consumed = 1;
                if (codePoint >= 0xD800 && codePoint <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    consumed = 2;
                }
                else if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
                {
                    codePoint = ReplacementCharacter;
                }

                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (written + size > capacity)
                {
                    break;
                }

                WriteCodePoint(codePoint, size, destination, written);
                written += size;
                i += consumed;
            }

            return written;
        }

        /// <summary>The UTF-8 byte count of <paramref name="text"/> (what <see cref="Encode"/> writes given room).</summary>
        public static int ByteCount(string text)
        {
            if (text == null)
            {
                return 0;
            }

            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                }
            }

            return count;
        }

        /// <summary>The first <paramref name="count"/> bytes as a string (allocates).</summary>
        public static string Decode(byte[] source, int count)
        {
            return Decode(source, 0, count);
        }

        /// <summary>
        /// <paramref name="count"/> bytes from <paramref name="offset"/> as a string (allocates). Each maximal
        /// ill-formed subsequence becomes one U+FFFD, as .NET's Encoding.UTF8 does.
        /// </summary>
        public static string Decode(byte[] source, int offset, int count)
        {
            if (count <= 0)
            {
                return string.Empty;
            }

            if (source == null)
            {
                throw new ArgumentNullException("source");
            }

            if (offset < 0 || offset > source.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset", "offset + count must lie inside the array");
            }

            // UTF-16 never needs more code units than UTF-8 has bytes.
            char[] chars = new char[count];
            int n = 0;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                int length = SequenceLength(source, i, end);
                if (length < 0)
                {
                    chars[n++] = ReplacementCharacter;
                    i -= length;
                    continue;
                }

                int codePoint = DecodeSequence(source, i, length);
                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    chars[n++] = (char)(0xD800 + (codePoint >> 10));
                    chars[n++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)codePoint;
                }

                i += length;
            }

            return new string(chars, 0, n);
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

        private static void WriteCodePoint(int codePoint, int size, byte[] destination, int at)
        {
            if (size == 1)
            {
                destination[at] = (byte)codePoint;
                return;
            }

            // Lead byte: 110xxxxx, 1110xxxx or 11110xxx; then 10xxxxxx continuation bytes, low bits last.
            int shift = 6 * (size - 1);
            destination[at] = (byte)((0xF00 >> size) | (codePoint >> shift));
            for (int k = 1; k < size; k++)
            {
                shift -= 6;
                destination[at + k] = (byte)(0x80 | ((codePoint >> shift) & 0x3F));
            }
        }

        // Length of the well-formed sequence starting at i (the ranges of the Unicode standard's table 3-7:
        // no overlong forms, no surrogates, nothing above U+10FFFF); when there is none, minus the length of the
        // maximal ill-formed subpart to replace (at least one byte).
        private static int SequenceLength(byte[] b, int i, int end)
        {
            int lead = b[i];
            if (lead < 0x80)
            {
                return 1;
            }

            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                length = 2;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                length = 3;
                if (lead == 0xE0)
                {
                    secondMin = 0xA0;
                }
                else if (lead == 0xED)
                {
                    secondMax = 0x9F;
                }
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                length = 4;
                if (lead == 0xF0)
                {
                    secondMin = 0x90;
                }
                else if (lead == 0xF4)
                {
                    secondMax = 0x8F;
                }
            }
            else
            {
                return -1;
            }

            int valid = 1;
            while (valid < length && i + valid < end)
            {
                int next = b[i + valid];
                int min = valid == 1 ? secondMin : 0x80;
                int max = valid == 1 ? secondMax : 0xBF;
                if (next < min || next > max)
                {
                    break;
                }

                valid++;
            }

            return valid == length ? length : -valid;
        }

        private static int DecodeSequence(byte[] b, int i, int length)
        {
            if (length == 1)
            {
                return b[i];
            }

            int codePoint = b[i] & (0x7F >> length);
            for (int k = 1; k < length; k++)
            {
                codePoint = (codePoint << 6) | (b[i + k] & 0x3F);
            }

            return codePoint;
        }
    }
}
