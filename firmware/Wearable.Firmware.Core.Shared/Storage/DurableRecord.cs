using System;
using Wearable.Firmware.Board;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Storage
{
    /// <summary>
    /// A small value kept in two flash records with a generation number and a CRC-32, written to the
    /// older copy each time. A reset in the middle of a write damages only the copy being written, so
    /// the previous value stays readable: this is what makes the slot switch, the pairing key and the
    /// nonce counter survive power loss without the store having to write atomically.
    /// Layout of one copy: magic u32 "WREC", generation u32, length u16, payload, CRC-32 of all before.
    /// </summary>
    public sealed class DurableRecord
    {
        /// <summary>"WREC" little-endian.</summary>
        public const uint Magic = 0x43455257u;

        /// <summary>Bytes a copy adds around its payload.</summary>
        public const int OverheadBytes = 14;

        private readonly IFlashSlotStore _store;
        private readonly int _firstRecord;
        private readonly int _maxPayload;
        private readonly byte[] _copy;
        private uint _generation;
        private int _newestCopy;
        private bool _scanned;

        /// <summary>Uses records <paramref name="firstRecord"/> and <paramref name="firstRecord"/> + 1.</summary>
        public DurableRecord(IFlashSlotStore store, int firstRecord, int maxPayload)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (firstRecord < 0 || firstRecord + 1 >= store.RecordCount)
            {
                throw new ArgumentOutOfRangeException(
                    "firstRecord",
                    "Records " + firstRecord.ToString() + " and " + (firstRecord + 1).ToString()
                    + " do not exist: the store has " + store.RecordCount.ToString() + ".");
            }

            if (maxPayload < 1 || maxPayload + OverheadBytes > store.RecordSize || maxPayload > 65535)
            {
                throw new ArgumentOutOfRangeException(
                    "maxPayload",
                    "A payload of " + maxPayload.ToString() + " B does not fit a record of "
                    + store.RecordSize.ToString() + " B with " + OverheadBytes.ToString() + " B of overhead.");
            }

            _store = store;
            _firstRecord = firstRecord;
            _maxPayload = maxPayload;
            _copy = new byte[maxPayload + OverheadBytes];
            _newestCopy = -1;
        }

        /// <summary>Largest payload.</summary>
        public int MaxPayload { get { return _maxPayload; } }

        /// <summary>
        /// Reads the newest valid copy into <paramref name="payload"/> and returns its length, or -1
        /// when neither copy is valid (never written, or both damaged).
        /// </summary>
        public int Load(byte[] payload, int offset)
        {
            if (payload == null)
            {
                throw new ArgumentNullException("payload");
            }

            int length = FindNewest();
            if (length < 0)
            {
                return -1;
            }

            ReadValid(_newestCopy);
            Array.Copy(_copy, 10, payload, offset, length);
            return length;
        }

        /// <summary>Writes a new value into the older copy; the previous value survives until this returns.</summary>
        public void Save(byte[] payload, int offset, int length)
        {
            if (length < 0 || length > _maxPayload)
            {
                throw new ArgumentOutOfRangeException("length", "A record holds at most " + _maxPayload.ToString() + " B.");
            }

            if (!_scanned)
            {
                // First write of this boot: find the newest copy so we never overwrite it.
                FindNewest();
            }

            int target = _newestCopy == 0 ? 1 : 0;
            uint generation = _generation + 1;
            LinkBytes.WriteUInt32(_copy, 0, Magic);
            LinkBytes.WriteUInt32(_copy, 4, generation);
            LinkBytes.WriteUInt16(_copy, 8, length);
            Array.Copy(payload, offset, _copy, 10, length);
            uint crc = LinkCrc32.Compute(_copy, 0, 10 + length);
            LinkBytes.WriteUInt32(_copy, 10 + length, crc);
            _store.WriteRecord(_firstRecord + target, _copy, 0, length + OverheadBytes);
            _newestCopy = target;
            _generation = generation;
        }

        private int FindNewest()
        {
            int bestCopy = -1;
            uint bestGeneration = 0;
            int bestLength = -1;
            for (int copy = 0; copy < 2; copy++)
            {
                int length = ReadValid(copy);
                if (length < 0)
                {
                    continue;
                }

                uint generation = LinkBytes.ReadUInt32(_copy, 4);
                if (bestCopy < 0 || IsNewer(generation, bestGeneration))
                {
                    bestCopy = copy;
                    bestGeneration = generation;
                    bestLength = length;
                }
            }

            _scanned = true;
            _newestCopy = bestCopy;
            _generation = bestCopy < 0 ? 0 : bestGeneration;
            return bestLength;
        }

        private int ReadValid(int copy)
        {
            _store.ReadRecord(_firstRecord + copy, _copy, 0, _copy.Length);
            if (LinkBytes.ReadUInt32(_copy, 0) != Magic)
            {
                return -1;
            }

            int length = LinkBytes.ReadUInt16(_copy, 8);
            if (length > _maxPayload)
            {
                return -1;
            }

            uint stored = LinkBytes.ReadUInt32(_copy, 10 + length);
            return LinkCrc32.Compute(_copy, 0, 10 + length) == stored ? length : -1;
        }

        // Serial-number comparison, so the generation may wrap after 4 billion writes.
        private static bool IsNewer(uint a, uint b)
        {
            return (int)(a - b) > 0;
        }
    }
}
