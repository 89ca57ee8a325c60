using System;

namespace Wearable.Kernels.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4) in portable managed code, for targets whose runtime offers no hash (nanoFramework's
    /// core library has none). All state lives in arrays allocated by the constructor, so hashing allocates
    /// nothing; an instance is reusable after <see cref="Final"/> or <see cref="Reset"/>. Not thread-safe.
    /// </summary>
    public sealed class Sha256
    {
        /// <summary>Digest size in bytes.</summary>
        public const int HashLength = 32;

        /// <summary>Compression block size in bytes (HMAC pads keys to this).</summary>
        public const int BlockLength = 64;

        // First 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4, 4.2.2).
        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _state = new uint[8];
        private readonly uint[] _schedule = new uint[64];
        private readonly byte[] _block = new byte[BlockLength];
        private int _blockFill;
        private long _totalBytes;

        /// <summary>Creates a hasher ready for <see cref="Update"/>.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Starts a new message.</summary>
        public void Reset()
        {
            // First 32 bits of the fractional parts of the square roots of the first 8 primes (FIPS 180-4, 5.3.3).
            _state[0] = 0x6a09e667;
            _state[1] = 0xbb67ae85;
            _state[2] = 0x3c6ef372;
            _state[3] = 0xa54ff53a;
            _state[4] = 0x510e527f;
            _state[5] = 0x9b05688c;
            _state[6] = 0x1f83d9ab;
            _state[7] = 0x5be0cd19;
            _blockFill = 0;
            _totalBytes = 0;
        }

        /// <summary>Adds <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset", "offset and count must lie inside data.");
            }

            _totalBytes += count;
            int end = offset + count;
            int i = offset;
            if (_blockFill > 0)
            {
                while (i < end && _blockFill < BlockLength)
                {
                    _block[_blockFill++] = data[i++];
                }

                if (_blockFill < BlockLength)
                {
                    return;
                }

                Compress(_block, 0);
                _blockFill = 0;
            }

            while (end - i >= BlockLength)
            {
                Compress(data, i);
                i += BlockLength;
            }

            while (i < end)
            {
                _block[_blockFill++] = data[i++];
            }
        }

        /// <summary>Adds one byte.</summary>
        public void Update(byte value)
        {
            _totalBytes++;
            _block[_blockFill++] = value;
            if (_blockFill == BlockLength)
            {
                Compress(_block, 0);
                _blockFill = 0;
            }
        }

        /// <summary>
        /// Pads, writes the 32-byte digest to <paramref name="output"/> at <paramref name="offset"/>, and resets
        /// for the next message.
        /// </summary>
        public void Final(byte[] output, int offset)
        {
            if (output == null)
            {
                throw new ArgumentNullException("output");
            }

            if (offset < 0 || offset > output.Length - HashLength)
            {
                throw new ArgumentOutOfRangeException("offset", "output needs 32 bytes from offset.");
            }

            long bitLength = _totalBytes * 8;
            _block[_blockFill++] = 0x80;
            if (_blockFill > BlockLength - 8)
            {
                Array.Clear(_block, _blockFill, BlockLength - _blockFill);
                Compress(_block, 0);
                _blockFill = 0;
            }

            Array.Clear(_block, _blockFill, BlockLength - 8 - _blockFill);
            for (int b = 0; b < 8; b++)
            {
                _block[BlockLength - 1 - b] = (byte)(bitLength >> (8 * b));
            }

            Compress(_block, 0);
            for (int w = 0; w < 8; w++)
            {
                uint v = _state[w];
                output[offset + (4 * w)] = (byte)(v >> 24);
                output[offset + (4 * w) + 1] = (byte)(v >> 16);
                output[offset + (4 * w) + 2] = (byte)(v >> 8);
                output[offset + (4 * w) + 3] = (byte)v;
            }

            Reset();
        }

        private void Compress(byte[] data, int offset)
        {
            uint[] w = _schedule;
            for (int t = 0; t < 16; t++)
            {
                int p = offset + (4 * t);
                w[t] = ((uint)data[p] << 24) | ((uint)data[p + 1] << 16) | ((uint)data[p + 2] << 8) | data[p + 3];
            }

            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 15];
                uint y = w[t - 2];
                uint s0 = Rotr(x, 7) ^ Rotr(x, 18) ^ (x >> 3);
                uint s1 = Rotr(y, 17) ^ Rotr(y, 19) ^ (y >> 10);
                w[t] = unchecked(w[t - 16] + s0 + w[t - 7] + s1);
            }

            uint a = _state[0];
            uint b = _state[1];
            uint c = _state[2];
            uint d = _state[3];
            uint e = _state[4];
            uint f = _state[5];
            uint g = _state[6];
            uint h = _state[7];
            for (int t = 0; t < 64; t++)
            {
                uint bigSigma1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
                uint choose = (e & f) ^ (~e & g);
                uint t1 = unchecked(h + bigSigma1 + choose + K[t] + w[t]);
                uint bigSigma0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
                uint majority = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = unchecked(bigSigma0 + majority);
                h = g;
                g = f;
                f = e;
                e = unchecked(d + t1);
                d = c;
                c = b;
                b = a;
                a = unchecked(t1 + t2);
            }

            _state[0] = unchecked(_state[0] + a);
            _state[1] = unchecked(_state[1] + b);
            _state[2] = unchecked(_state[2] + c);
            _state[3] = unchecked(_state[3] + d);
            _state[4] = unchecked(_state[4] + e);
            _state[5] = unchecked(_state[5] + f);
            _state[6] = unchecked(_state[6] + g);
            _state[7] = unchecked(_state[7] + h);
        }

        private static uint Rotr(uint x, int n)
        {
            return (x >> n) | (x << (32 - n));
        }
    }
}
