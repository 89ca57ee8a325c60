using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Storage;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Slots
{
    /// <summary>
    /// A/B model slots with a verified commit. An upload always goes into the slot that is not active;
    /// the active slot changes only after the whole new slot has been read back from flash and its size
    /// and CRC-32 match what the host announced, and the switch itself is one durable record write.
    /// A reset at any moment therefore leaves either the old model or the complete new one active,
    /// never a half-written one. Rollback re-activates the previous committed slot.
    /// </summary>
    public sealed class ModelSlots
    {
        /// <summary>Bytes read per step when verifying a slot (small: it lives on a ~100 KB heap).</summary>
        public const int VerifyChunkBytes = 256;

        private readonly IFlashSlotStore _store;
        private readonly DurableRecord _record;
        private readonly SlotTable _table = new SlotTable();
        private readonly byte[] _recordPayload = new byte[SlotTable.PayloadBytes];
        private readonly byte[] _verify = new byte[VerifyChunkBytes];
        private IModelValidator _validator;

        private bool _uploading;
        private int _uploadSlot;
        private int _uploadSize;
        private uint _uploadCrc;
        private int _received;
        private uint _runningCrc;
        private bool _activeVerified;

        /// <summary>Uses the store's slots and records <paramref name="firstRecord"/>, +1 for the slot table.</summary>
        public ModelSlots(IFlashSlotStore store, int firstRecord)
        {
            if (store == null)
            {
                throw new ArgumentNullException("store");
            }

            if (store.SlotCount < 2 || store.SlotCount > SlotTable.MaxSlots)
            {
                throw new ArgumentOutOfRangeException("store", "A/B model slots need 2 to 4 slots in the flash store.");
            }

            _store = store;
            _record = new DurableRecord(store, firstRecord, SlotTable.PayloadBytes);
        }

        /// <summary>Optional deeper check run before a commit switches slots.</summary>
        public IModelValidator Validator
        {
            get { return _validator; }
            set { _validator = value; }
        }

        /// <summary>The slot that runs (-1: none).</summary>
        public int ActiveSlot { get { return _table.ActiveSlot; } }

        /// <summary>Size of the active model in bytes (0: none).</summary>
        public int ActiveSize { get { return _table.ActiveSlot < 0 ? 0 : _table.Size(_table.ActiveSlot); } }

        /// <summary>CRC-32 of the active model (0: none).</summary>
        public uint ActiveCrc { get { return _table.ActiveSlot < 0 ? 0u : _table.Crc(_table.ActiveSlot); } }

        /// <summary>True when the active slot was read back at boot and matched its recorded size and CRC.</summary>
        public bool ActiveVerified { get { return _activeVerified; } }

        /// <summary>True between a begin and its commit or abort.</summary>
        public bool Uploading { get { return _uploading; } }

        /// <summary>Bytes of the current upload received so far (the offset the next chunk must have).</summary>
        public int Received { get { return _received; } }

        /// <summary>Bytes per slot.</summary>
        public int SlotSize { get { return _store.SlotSize; } }

        /// <summary>
        /// Reads the slot table and verifies the active slot; if it does not verify (flash damage), falls
        /// back to the previous committed slot. Call once at boot.
        /// </summary>
        public void Boot()
        {
            int length = _record.Load(_recordPayload, 0);
            if (length == SlotTable.PayloadBytes)
            {
                _table.Read(_recordPayload);
            }

            _activeVerified = false;
            if (_table.ActiveSlot >= 0 && _table.ActiveSlot < _store.SlotCount)
            {
                _activeVerified = Verify(_table.ActiveSlot, _table.Size(_table.ActiveSlot), _table.Crc(_table.ActiveSlot));
                if (!_activeVerified && RollBack() == SlotResult.Ok)
                {
                    _activeVerified = true;
                }
            }
            else
            {
                _table.ActiveSlot = -1;
            }
        }

        /// <summary>Starts an upload of <paramref name="size"/> bytes whose CRC-32 will be <paramref name="crc"/>.</summary>
        public int Begin(int size, uint crc)
        {
            if (size < 1 || size > _store.SlotSize)
            {
                return SlotResult.TooLarge;
            }

            int target = _table.ActiveSlot == 0 ? 1 : 0;
            if (_table.State(target) != SlotTable.StateEmpty)
            {
                // Forget the old content before erasing it, so a reset mid-upload never names a damaged slot.
                _table.MarkEmpty(target);
                if (_table.PreviousSlot == target)
                {
                    _table.PreviousSlot = -1;
                }

                Persist();
            }

            _store.EraseSlot(target);
            _uploading = true;
            _uploadSlot = target;
            _uploadSize = size;
            _uploadCrc = crc;
            _received = 0;
            _runningCrc = LinkCrc32.Begin();
            return SlotResult.Ok;
        }

        /// <summary>Writes the next chunk; chunks must arrive in order (offset == <see cref="Received"/>).</summary>
        public int WriteChunk(int offset, byte[] data, int dataOffset, int count)
        {
            if (!_uploading)
            {
                return SlotResult.NoUploadInProgress;
            }

            if (offset != _received)
            {
                return SlotResult.OutOfOrder;
            }

            if (count < 0 || _received + count > _uploadSize)
            {
                return SlotResult.Overrun;
            }

            _store.WriteSlot(_uploadSlot, offset, data, dataOffset, count);
            _runningCrc = LinkCrc32.Update(_runningCrc, data, dataOffset, count);
            _received += count;
            return SlotResult.Ok;
        }

        /// <summary>
        /// Verifies the new slot from flash (size and CRC-32, then the optional validator) and only then
        /// makes it active; on any failure the previous model stays active and the upload is dropped.
        /// </summary>
        public int Commit()
        {
            if (!_uploading)
            {
                return SlotResult.NoUploadInProgress;
            }

            if (_received != _uploadSize)
            {
                return SlotResult.Incomplete;
            }

            _uploading = false;
            if (LinkCrc32.Finish(_runningCrc) != _uploadCrc || !Verify(_uploadSlot, _uploadSize, _uploadCrc))
            {
                return SlotResult.CrcMismatch;
            }

            if (_validator != null)
            {
                int check = _validator.Validate(this, _uploadSlot, _uploadSize);
                if (check != SlotResult.Ok)
                {
                    return check;
                }
            }

            uint generation = 1;
            for (int i = 0; i < _store.SlotCount; i++)
            {
                if (_table.Generation(i) >= generation)
                {
                    generation = _table.Generation(i) + 1;
                }
            }

            _table.MarkCommitted(_uploadSlot, _uploadSize, _uploadCrc, generation);
            _table.PreviousSlot = _table.ActiveSlot;
            _table.ActiveSlot = _uploadSlot;
            Persist();
            _activeVerified = true;
            return SlotResult.Ok;
        }

        /// <summary>Drops an upload in progress; the active model is untouched.</summary>
        public void Abort()
        {
            _uploading = false;
            _received = 0;
        }

        /// <summary>Re-activates the previous committed slot after verifying it.</summary>
        public int RollBack()
        {
            int previous = _table.PreviousSlot;
            if (previous < 0 || previous >= _store.SlotCount || _table.State(previous) != SlotTable.StateCommitted)
            {
                return SlotResult.NothingToRollBack;
            }

            if (!Verify(previous, _table.Size(previous), _table.Crc(previous)))
            {
                return SlotResult.CrcMismatch;
            }

            _table.PreviousSlot = _table.ActiveSlot;
            _table.ActiveSlot = previous;
            Persist();
            _activeVerified = true;
            return SlotResult.Ok;
        }

        /// <summary>Reads bytes of the active model (for the model loader).</summary>
        public void ReadActive(int offset, byte[] destination, int destinationOffset, int count)
        {
            if (_table.ActiveSlot < 0)
            {
                throw new InvalidOperationException("No model is active: upload and commit one first.");
            }

            ReadSlot(_table.ActiveSlot, offset, destination, destinationOffset, count);
        }

        /// <summary>Reads bytes of any slot (validators use it on the slot being committed).</summary>
        public void ReadSlot(int slot, int offset, byte[] destination, int destinationOffset, int count)
        {
            _store.ReadSlot(slot, offset, destination, destinationOffset, count);
        }

        private bool Verify(int slot, int size, uint crc)
        {
            if (size < 1 || size > _store.SlotSize)
            {
                return false;
            }

            uint state = LinkCrc32.Begin();
            int done = 0;
            while (done < size)
            {
                int n = ReadChunk(slot, done, size);
                state = LinkCrc32.Update(state, _verify, 0, n);
                done += n;
            }

            return LinkCrc32.Finish(state) == crc;
        }

        /// <summary>
        /// A whole slot as int8, the form the model reader keeps (so layers use their weights where they
        /// lie): read through the small verify buffer, so no byte copy of the file exists beside it.
        /// </summary>
        public sbyte[] ReadSlotImage(int slot, int size)
        {
            var image = new sbyte[size];
            int done = 0;
            while (done < size)
            {
                int n = ReadChunk(slot, done, size);
                for (int i = 0; i < n; i++)
                {
                    image[done + i] = (sbyte)_verify[i];
                }

                done += n;
            }

            return image;
        }

        // Reads the next piece of a slot into the verify buffer; returns its length.
        private int ReadChunk(int slot, int done, int size)
        {
            int n = size - done;
            if (n > VerifyChunkBytes)
            {
                n = VerifyChunkBytes;
            }

            _store.ReadSlot(slot, done, _verify, 0, n);
            return n;
        }

        private void Persist()
        {
            _table.Write(_recordPayload);
            _record.Save(_recordPayload, 0, SlotTable.PayloadBytes);
        }
    }
}
