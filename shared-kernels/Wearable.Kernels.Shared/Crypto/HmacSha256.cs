using System;

namespace Wearable.Kernels.Crypto
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104 / FIPS 198-1). The key's inner and outer pad blocks are kept after
    /// <see cref="SetKey"/>, so each MAC costs the message's hash plus one more compression pass and
    /// allocates nothing. Not thread-safe; <see cref="Clear"/> wipes the key material.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>MAC size in bytes.</summary>
        public const int MacLength = Sha256.HashLength;

        private readonly Sha256 _hash = new Sha256();
        private readonly byte[] _innerPad = new byte[Sha256.BlockLength];
        private readonly byte[] _outerPad = new byte[Sha256.BlockLength];
        private readonly byte[] _innerDigest = new byte[Sha256.HashLength];
        private bool _hasKey;

        /// <summary>Creates an instance without a key; call <see cref="SetKey"/> first.</summary>
        public HmacSha256()
        {
        }

        /// <summary>Creates an instance keyed with the whole of <paramref name="key"/>.</summary>
        public HmacSha256(byte[] key)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            SetKey(key, 0, key.Length);
        }

        /// <summary>
        /// Sets the key (any length; keys longer than 64 bytes are hashed first, as the RFC says) and starts a
        /// message.
        /// </summary>
        public void SetKey(byte[] key, int offset, int count)
        {
            if (key == null)
            {
                throw new ArgumentNullException("key");
            }

            if (offset < 0 || count < 0 || offset > key.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset", "offset and count must lie inside key.");
            }

            Array.Clear(_innerPad, 0, Sha256.BlockLength);
            if (count > Sha256.BlockLength)
            {
                _hash.Reset();
                _hash.Update(key, offset, count);
                _hash.Final(_innerPad, 0);
            }
            else
            {
                Array.Copy(key, offset, _innerPad, 0, count);
            }

            for (int i = 0; i < Sha256.BlockLength; i++)
            {
                byte k = _innerPad[i];
                _innerPad[i] = (byte)(k ^ 0x36);
                _outerPad[i] = (byte)(k ^ 0x5c);
            }

            _hasKey = true;
            Reset();
        }

        /// <summary>Starts a new message with the current key.</summary>
        public void Reset()
        {
            RequireKey();
            _hash.Reset();
            _hash.Update(_innerPad, 0, Sha256.BlockLength);
        }

        /// <summary>Adds message bytes.</summary>
        public void Update(byte[] data, int offset, int count)
        {
            RequireKey();
            _hash.Update(data, offset, count);
        }

        /// <summary>Writes the 32-byte MAC at <paramref name="offset"/> and starts a new message with the same key.</summary>
        public void Final(byte[] output, int offset)
        {
            RequireKey();
            _hash.Final(_innerDigest, 0);
            _hash.Update(_outerPad, 0, Sha256.BlockLength);
            _hash.Update(_innerDigest, 0, Sha256.HashLength);
            _hash.Final(output, offset);
            Reset();
        }

        /// <summary>One-shot MAC of <paramref name="count"/> bytes with the current key.</summary>
        public void Compute(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            Reset();
            Update(data, offset, count);
            Final(output, outputOffset);
        }

        /// <summary>Overwrites the key material; the instance needs <see cref="SetKey"/> again.</summary>
        public void Clear()
        {
            Array.Clear(_innerPad, 0, Sha256.BlockLength);
            Array.Clear(_outerPad, 0, Sha256.BlockLength);
            Array.Clear(_innerDigest, 0, Sha256.HashLength);
            _hash.Reset();
            _hasKey = false;
        }

        private void RequireKey()
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException("HmacSha256 has no key: call SetKey first.");
            }
        }
    }
}
