using System;
using Wearable.Firmware.Board;

namespace Wearable.Firmware.Storage
{
    /// <summary>
    /// The device's 16-byte id, which the host pairs against and which goes into the device's
    /// authentication proof, so no two devices may share one. A board with a factory-unique id (an MCU
    /// serial number) passes it in; otherwise the id is drawn from the board's entropy source at the
    /// first boot and kept in flash, so it survives restarts and updates but differs between devices.
    /// </summary>
    public sealed class DeviceIdentity
    {
        public const int Length = 16;

        private readonly DurableRecord _record;
        private readonly byte[] _boardId;
        private readonly IEntropySource _entropy;
        private readonly byte[] _id = new byte[Length];

        /// <param name="boardId">The factory id, or null to generate and persist one.</param>
        public DeviceIdentity(IFlashSlotStore store, int firstRecord, byte[] boardId, IEntropySource entropy)
        {
            if (entropy == null)
            {
                throw new ArgumentNullException("entropy");
            }

            if (boardId != null && boardId.Length != Length)
            {
                throw new ArgumentException("A device id is 16 bytes.", "boardId");
            }

            _record = new DurableRecord(store, firstRecord, Length);
            _boardId = boardId;
            _entropy = entropy;
        }

        /// <summary>The id (filled by <see cref="Load"/>; the array stays the same, so holders may keep it).</summary>
        public byte[] Id { get { return _id; } }

        /// <summary>True when <see cref="Load"/> had to draw a new id (first boot of this flash).</summary>
        public bool Generated { get; private set; }

        /// <summary>Takes the board's id, or the one in flash, or draws and stores a new one.</summary>
        public void Load()
        {
            Generated = false;
            if (_boardId != null)
            {
                Array.Copy(_boardId, 0, _id, 0, Length);
                return;
            }

            if (_record.Load(_id, 0) == Length)
            {
                return;
            }

            _entropy.Fill(_id, 0, Length);
            _record.Save(_id, 0, Length);
            Generated = true;
        }
    }
}
