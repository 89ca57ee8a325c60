using Wearable.Firmware.Board;

namespace Wearable.Firmware.Storage
{
    /// <summary>
    /// Model slots and records in RAM: a pushed model runs until the next reset. The ESP32 board uses it
    /// until its flash-partition store is written (docs/boards.md, "What the ESP32 adapter does not do yet");
    /// the replay board (<see cref="Wearable.Firmware.Replay.ReplayDevice"/>) uses it inside nanoCLR.
    /// </summary>
    public sealed class RamSlotStore : IFlashSlotStore
    {
        private readonly byte[][] _slots;
        private readonly byte[][] _records;

        public RamSlotStore(int slotCount, int slotSize, int recordCount, int recordSize)
        {
            _slots = new byte[slotCount][];
            for (int i = 0; i < slotCount; i++)
            {
                _slots[i] = new byte[slotSize];
            }

            _records = new byte[recordCount][];
            for (int i = 0; i < recordCount; i++)
            {
                _records[i] = new byte[recordSize];
            }

            SlotSize = slotSize;
            RecordSize = recordSize;
        }

        public int SlotCount
        {
            get { return _slots.Length; }
        }

        public int SlotSize { get; private set; }

        public int RecordCount
        {
            get { return _records.Length; }
        }

        public int RecordSize { get; private set; }

        public void EraseSlot(int slot)
        {
            byte[] s = _slots[slot];
            for (int i = 0; i < s.Length; i++)
            {
                s[i] = 0xFF;
            }
        }

        public void WriteSlot(int slot, int slotOffset, byte[] source, int sourceOffset, int count)
        {
            System.Array.Copy(source, sourceOffset, _slots[slot], slotOffset, count);
        }

        public void ReadSlot(int slot, int slotOffset, byte[] destination, int destinationOffset, int count)
        {
            System.Array.Copy(_slots[slot], slotOffset, destination, destinationOffset, count);
        }

        public void WriteRecord(int record, byte[] source, int sourceOffset, int count)
        {
            System.Array.Copy(source, sourceOffset, _records[record], 0, count);
        }

        public void ReadRecord(int record, byte[] destination, int destinationOffset, int count)
        {
            System.Array.Copy(_records[record], 0, destination, destinationOffset, count);
        }
    }
}
