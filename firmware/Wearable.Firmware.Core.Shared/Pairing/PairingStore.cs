using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Storage;

namespace Wearable.Firmware.Pairing
{
    /// <summary>
    /// The hosts this device is paired with: a 16-byte host id and the 32-byte HMAC secret it handed
    /// over during pairing, kept in flash. Up to <see cref="MaxHosts"/>; pairing a known id replaces its
    /// secret, pairing one more than the maximum forgets the oldest.
    /// </summary>
    public sealed class PairingStore
    {
        public const int MaxHosts = 4;
        public const int HostIdLength = 16;
        public const int SecretLength = 32;
        private const int EntryLength = HostIdLength + SecretLength;

        private readonly DurableRecord _record;
        private readonly byte[] _payload = new byte[1 + (MaxHosts * EntryLength)];
        private int _count;

        public PairingStore(IFlashSlotStore store, int firstRecord)
        {
            _record = new DurableRecord(store, firstRecord, 1 + (MaxHosts * EntryLength));
        }

        /// <summary>Paired hosts.</summary>
        public int HostCount { get { return _count; } }

        /// <summary>Reads the paired hosts from flash (at boot).</summary>
        public void Load()
        {
            int length = _record.Load(_payload, 0);
            _count = 0;
            if (length >= 1 && _payload[0] <= MaxHosts && length == 1 + (_payload[0] * EntryLength))
            {
                _count = _payload[0];
            }
        }

        /// <summary>Index of the host with this id, or -1.</summary>
        public int Find(byte[] hostId, int offset)
        {
            for (int i = 0; i < _count; i++)
            {
                int at = 1 + (i * EntryLength);
                bool same = true;
                for (int k = 0; k < HostIdLength; k++)
                {
                    if (_payload[at + k] != hostId[offset + k])
                    {
                        same = false;
                        break;
                    }
                }

                if (same)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Stores (or replaces) a host's secret and writes the table to flash.</summary>
        public void Pair(byte[] hostId, int hostIdOffset, byte[] secret, int secretOffset)
        {
            int index = Find(hostId, hostIdOffset);
            if (index < 0)
            {
                if (_count == MaxHosts)
                {
                    // Forget the oldest pairing to make room.
                    Array.Copy(_payload, 1 + EntryLength, _payload, 1, (MaxHosts - 1) * EntryLength);
                    _count--;
                }

                index = _count;
                _count++;
            }

            int at = 1 + (index * EntryLength);
            Array.Copy(hostId, hostIdOffset, _payload, at, HostIdLength);
            Array.Copy(secret, secretOffset, _payload, at + HostIdLength, SecretLength);
            Save();
        }

        /// <summary>Copies host <paramref name="index"/>'s secret.</summary>
        public void CopySecret(int index, byte[] destination, int offset)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index", "No paired host at index " + index.ToString() + ".");
            }

            Array.Copy(_payload, 1 + (index * EntryLength) + HostIdLength, destination, offset, SecretLength);
        }

        /// <summary>Copies host <paramref name="index"/>'s id.</summary>
        public void CopyHostId(int index, byte[] destination, int offset)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index", "No paired host at index " + index.ToString() + ".");
            }

            Array.Copy(_payload, 1 + (index * EntryLength), destination, offset, HostIdLength);
        }

        /// <summary>Forgets every host (a factory reset).</summary>
        public void Clear()
        {
            _count = 0;
            Save();
        }

        private void Save()
        {
            _payload[0] = (byte)_count;
            _record.Save(_payload, 0, 1 + (_count * EntryLength));
        }
    }
}
