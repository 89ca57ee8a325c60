using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Storage;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Pairing
{
    /// <summary>
    /// Device nonces that are never reused, even across resets and even with a weak RNG: 8 bytes of a
    /// persisted counter followed by 8 bytes of entropy. The counter is reserved in flash in steps of
    /// <see cref="ReserveStep"/> before use, so a reset can skip values but never repeat one, and flash
    /// sees one write per <see cref="ReserveStep"/> nonces.
    /// </summary>
    public sealed class NonceSource
    {
        public const int NonceLength = 16;
        public const long ReserveStep = 64;

        private readonly DurableRecord _record;
        private readonly IEntropySource _entropy;
        private readonly byte[] _payload = new byte[8];
        private long _next;
        private long _reservedUntil;

        public NonceSource(IFlashSlotStore store, int firstRecord, IEntropySource entropy)
        {
            if (entropy == null)
            {
                throw new ArgumentNullException("entropy");
            }

            _record = new DurableRecord(store, firstRecord, 8);
            _entropy = entropy;
        }

        /// <summary>The counter value the next nonce will carry.</summary>
        public long NextCounter { get { return _next; } }

        /// <summary>Reads the reserved ceiling at boot: counting resumes above everything handed out before.</summary>
        public void Load()
        {
            int length = _record.Load(_payload, 0);
            _next = length == 8 ? LinkBytes.ReadInt64(_payload, 0) : 0;
            _reservedUntil = _next;
        }

        /// <summary>Writes a fresh 16-byte nonce.</summary>
        public void Next(byte[] destination, int offset)
        {
            if (_next >= _reservedUntil)
            {
                _reservedUntil = _next + ReserveStep;
                LinkBytes.WriteInt64(_payload, 0, _reservedUntil);
                _record.Save(_payload, 0, 8);
            }

            LinkBytes.WriteInt64(destination, offset, _next);
            _next++;
            _entropy.Fill(destination, offset + 8, NonceLength - 8);
        }
    }
}
