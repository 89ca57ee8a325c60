using Wearable.Firmware.Storage;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Slots
{
    /// <summary>
    /// Which model slot is active and what each slot holds, as persisted in a <see cref="DurableRecord"/>.
    /// Payload: active slot (i8, -1 none), previous slot (i8), then per slot: state u8, size i32, crc u32,
    /// upload generation u32 (13 B).
    /// </summary>
    public sealed class SlotTable
    {
        public const int StateEmpty = 0;
        public const int StateCommitted = 1;
        public const int MaxSlots = 4;
        public const int PayloadBytes = 2 + (MaxSlots * 13);

        private readonly int[] _state = new int[MaxSlots];
        private readonly int[] _size = new int[MaxSlots];
        private readonly uint[] _crc = new uint[MaxSlots];
        private readonly uint[] _generation = new uint[MaxSlots];

        public SlotTable()
        {
            ActiveSlot = -1;
            PreviousSlot = -1;
        }

        /// <summary>The slot the device runs (-1: no model).</summary>
        public int ActiveSlot { get; set; }

        /// <summary>The slot that was active before the last commit (-1: none), the rollback target.</summary>
        public int PreviousSlot { get; set; }

        public int State(int slot) { return _state[slot]; }

        public int Size(int slot) { return _size[slot]; }

        public uint Crc(int slot) { return _crc[slot]; }

        public uint Generation(int slot) { return _generation[slot]; }

        public void MarkEmpty(int slot)
        {
            _state[slot] = StateEmpty;
            _size[slot] = 0;
            _crc[slot] = 0;
        }

        public void MarkCommitted(int slot, int size, uint crc, uint generation)
        {
            _state[slot] = StateCommitted;
            _size[slot] = size;
            _crc[slot] = crc;
            _generation[slot] = generation;
        }

        public void Write(byte[] buffer)
        {
            buffer[0] = (byte)(sbyte)ActiveSlot;
            buffer[1] = (byte)(sbyte)PreviousSlot;
            for (int i = 0; i < MaxSlots; i++)
            {
                int at = 2 + (i * 13);
                buffer[at] = (byte)_state[i];
                LinkBytes.WriteInt32(buffer, at + 1, _size[i]);
                LinkBytes.WriteUInt32(buffer, at + 5, _crc[i]);
                LinkBytes.WriteUInt32(buffer, at + 9, _generation[i]);
            }
        }

        public void Read(byte[] buffer)
        {
            ActiveSlot = (sbyte)buffer[0];
            PreviousSlot = (sbyte)buffer[1];
            for (int i = 0; i < MaxSlots; i++)
            {
                int at = 2 + (i * 13);
                _state[i] = buffer[at];
                _size[i] = LinkBytes.ReadInt32(buffer, at + 1);
                _crc[i] = LinkBytes.ReadUInt32(buffer, at + 5);
                _generation[i] = LinkBytes.ReadUInt32(buffer, at + 9);
            }
        }
    }
}
