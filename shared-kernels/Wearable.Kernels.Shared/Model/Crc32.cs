namespace Wearable.Kernels.Model
{
    /// <summary>
    /// CRC-32 of IEEE 802.3 (reflected, polynomial 0xEDB88320, init and final XOR 0xFFFFFFFF), the
    /// checksum of zlib, PNG and Ethernet: check value 0xCBF43926 for "123456789". Table driven
    /// (1 KB, built once); used by the model file and the link frames.
    /// </summary>
    public static class Crc32
    {
        private static readonly uint[] s_table = BuildTable();

        /// <summary>CRC of data[offset, offset + length).</summary>
        public static uint Compute(byte[] data, int offset, int length)
        {
            return Finish(Update(Start(), data, offset, length));
        }

        /// <summary>The register value before any byte (for incremental use with <see cref="Update"/>).</summary>
        public static uint Start()
        {
            return 0xFFFFFFFFu;
        }

        /// <summary>Feeds bytes into a running register.</summary>
        public static uint Update(uint crc, byte[] data, int offset, int length)
        {
            uint[] table = s_table;
            int end = offset + length;
            for (int i = offset; i < end; i++)
            {
                crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>The final XOR that turns a register into the CRC value.</summary>
        public static uint Finish(uint crc)
        {
            return crc ^ 0xFFFFFFFFu;
        }

        private static uint[] BuildTable()
        {
            var table = new uint[256];
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
    }
}
