using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// CRC-32/IEEE (ISO-HDLC, zlib): reflected polynomial 0xEDB88320, init and final xor 0xFFFFFFFF,
    /// check value 0xCBF43926 for "123456789". Chosen over CRC-16 because nanoFramework images ship a
    /// native CRC-32 with the same parameters, so a board layer may swap in the native call and stay
    /// bit-identical; this table-driven managed version is the reference and the host path.
    /// </summary>
    public static class LinkCrc32
    {
        /// <summary>The value <see cref="Begin"/> returns, before any byte.</summary>
        public const uint InitialState = 0xFFFFFFFFu;

        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Update(Begin(), data, offset, count));
        }

        /// <summary>Starts an incremental computation (for data that arrives in pieces, e.g. model chunks).</summary>
        public static uint Begin()
        {
            return InitialState;
        }

        /// <summary>Feeds bytes into an incremental state returned by <see cref="Begin"/> or an earlier Update.</summary>
        public static uint Update(uint state, byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            uint crc = state;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>Feeds one byte (its low 8 bits; an int8 value counts as its two's-complement byte).</summary>
        public static uint Step(uint state, int value)
        {
            return Table[(state ^ (uint)value) & 0xFF] ^ (state >> 8);
        }

        /// <summary>Turns an incremental state into the CRC value.</summary>
        public static uint Finish(uint state)
        {
            return state ^ 0xFFFFFFFFu;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }

        private static void CheckRange(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset", "offset and count must lie inside data.");
            }
        }
    }
}
