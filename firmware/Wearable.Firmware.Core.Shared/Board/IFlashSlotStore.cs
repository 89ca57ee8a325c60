namespace Wearable.Firmware.Board
{
    /// <summary>
    /// Non-volatile storage as the core needs it: two (or more) equally sized model slots, plus a few
    /// small records (slot table, pairing, calibration, nonce counter). Writes need not be atomic: the
    /// core keeps every record twice with a generation number and a CRC (see
    /// <see cref="Wearable.Firmware.Storage.DurableRecord"/>), so a reset during any write leaves the
    /// previous value readable.
    /// </summary>
    public interface IFlashSlotStore
    {
        /// <summary>Number of model slots (2 for A/B).</summary>
        int SlotCount { get; }

        /// <summary>Bytes per model slot.</summary>
        int SlotSize { get; }

        /// <summary>Number of small records.</summary>
        int RecordCount { get; }

        /// <summary>Bytes per small record.</summary>
        int RecordSize { get; }

        /// <summary>Erases a whole slot (flash reads back 0xFF after erase).</summary>
        void EraseSlot(int slot);

        /// <summary>Writes bytes into an erased region of a slot.</summary>
        void WriteSlot(int slot, int slotOffset, byte[] source, int sourceOffset, int count);

        /// <summary>Reads bytes of a slot.</summary>
        void ReadSlot(int slot, int slotOffset, byte[] destination, int destinationOffset, int count);

        /// <summary>Erases one record and writes <paramref name="count"/> bytes at its start.</summary>
        void WriteRecord(int record, byte[] source, int sourceOffset, int count);

        /// <summary>Reads the first <paramref name="count"/> bytes of one record.</summary>
        void ReadRecord(int record, byte[] destination, int destinationOffset, int count);
    }
}
