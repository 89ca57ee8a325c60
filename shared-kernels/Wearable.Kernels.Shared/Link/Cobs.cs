using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Consistent Overhead Byte Stuffing (Cheshire and Baker): removes every 0x00 from a block so that
    /// 0x00 can delimit frames, at a worst-case cost of one byte per 254 (SLIP can double a frame).
    /// A receiver that loses sync simply waits for the next 0x00. These are the whole-buffer forms;
    /// <see cref="LinkDecoder"/> decodes the same code byte by byte as bytes arrive.
    /// </summary>
    public static class Cobs
    {
        /// <summary>Returned by <see cref="Decode"/> when the input is not valid COBS.</summary>
        public const int Invalid = -1;

        /// <summary>
        /// The largest encoding of <paramref name="length"/> bytes, without the 0x00 delimiter:
        /// one code byte per started run of 254 data bytes, at least one.
        /// </summary>
        public static int MaxEncodedLength(int length)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException("length", "length must not be negative.");
            }

            return length + (length / 254) + 1;
        }

        /// <summary>
        /// Encodes <paramref name="count"/> bytes of <paramref name="source"/> into <paramref name="destination"/>
        /// (which must hold <see cref="MaxEncodedLength"/> bytes from <paramref name="destinationOffset"/>)
        /// and returns the number of bytes written. No 0x00 is written: the caller appends the delimiter.
        /// The two buffers must not overlap.
        /// </summary>
        public static int Encode(byte[] source, int sourceOffset, int count, byte[] destination, int destinationOffset)
        {
            CheckRange(source, sourceOffset, count, "source");
            if (destination == null)
            {
                throw new ArgumentNullException("destination");
            }

            if (destinationOffset < 0 || destinationOffset > destination.Length - MaxEncodedLength(count))
            {
                throw new ArgumentOutOfRangeException(
                    "destinationOffset",
                    "destination needs Cobs.MaxEncodedLength(count) bytes from destinationOffset.");
            }

            int codeIndex = destinationOffset;
            int write = destinationOffset + 1;
            int code = 1;
            int end = sourceOffset + count;
            for (int i = sourceOffset; i < end; i++)
            {
                byte b = source[i];
                if (b == 0)
                {
                    destination[codeIndex] = (byte)code;
                    codeIndex = write++;
                    code = 1;
                    continue;
                }

                destination[write++] = b;
                code++;
                if (code == 0xFF)
                {
                    // A full run of 254 non-zero bytes: close the block without an implied zero, and
                    // open another only if data follows (the canonical form other COBS codecs emit).
                    destination[codeIndex] = 0xFF;
                    if (i + 1 == end)
                    {
                        return write - destinationOffset;
                    }

                    codeIndex = write++;
                    code = 1;
                }
            }

            destination[codeIndex] = (byte)code;
            return write - destinationOffset;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> COBS bytes (without the delimiter) into <paramref name="destination"/>
        /// and returns the decoded length, or <see cref="Invalid"/> when the input holds a 0x00, a code byte
        /// points past the end, or the output would not fit in <paramref name="destinationCapacity"/> bytes.
        /// </summary>
        public static int Decode(
            byte[] source,
            int sourceOffset,
            int count,
            byte[] destination,
            int destinationOffset,
            int destinationCapacity)
        {
            CheckRange(source, sourceOffset, count, "source");
            CheckRange(destination, destinationOffset, destinationCapacity, "destination");
            int read = sourceOffset;
            int end = sourceOffset + count;
            int write = 0;
            while (read < end)
            {
                int code = source[read++];
                if (code == 0)
                {
                    return Invalid;
                }

                int run = code - 1;
                if (run > end - read || run > destinationCapacity - write)
                {
                    return Invalid;
                }

                for (int k = 0; k < run; k++)
                {
                    byte b = source[read++];
                    if (b == 0)
                    {
                        return Invalid;
                    }

                    destination[destinationOffset + write++] = b;
                }

                // Every block but a full one (0xFF) and the last ends with an implied zero.
                if (code != 0xFF && read < end)
                {
                    if (write >= destinationCapacity)
                    {
                        return Invalid;
                    }

                    destination[destinationOffset + write++] = 0;
                }
            }

            return write;
        }

        private static void CheckRange(byte[] data, int offset, int count, string name)
        {
            if (data == null)
            {
                throw new ArgumentNullException(name);
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(name, "offset and count must lie inside " + name + ".");
            }
        }
    }
}
