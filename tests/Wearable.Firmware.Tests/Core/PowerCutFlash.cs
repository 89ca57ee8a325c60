using Wearable.Firmware.Board;
using Wearable.VirtualDevice.Board;

namespace Wearable.Firmware.Tests.Core;

/// <summary>
/// In-memory flash that can lose power in the middle of a write: after <see cref="WritesBeforeCut"/>
/// more writes, the next one stores only its first half and throws, like a reset during programming.
/// </summary>
internal sealed class PowerCutFlash(int slotSize) : IFlashSlotStore
{
    private readonly FlashFile _memory = new(null, slotSize, 2, 1024, Wearable.Firmware.Storage.FlashLayout.RecordCount);

    /// <summary>Writes allowed before the cut; negative = never cut.</summary>
    public int WritesBeforeCut { get; set; } = -1;

    public int SlotCount => _memory.SlotCount;

    public int SlotSize => _memory.SlotSize;

    public int RecordCount => _memory.RecordCount;

    public int RecordSize => _memory.RecordSize;

    public void EraseSlot(int slot)
    {
        Cut(() => _memory.EraseSlot(slot), () => { });
    }

    public void WriteSlot(int slot, int slotOffset, byte[] source, int sourceOffset, int count) =>
        Cut(() => _memory.WriteSlot(slot, slotOffset, source, sourceOffset, count), () => _memory.WriteSlot(slot, slotOffset, source, sourceOffset, count / 2));

    public void ReadSlot(int slot, int slotOffset, byte[] destination, int destinationOffset, int count) =>
        _memory.ReadSlot(slot, slotOffset, destination, destinationOffset, count);

    public void WriteRecord(int record, byte[] source, int sourceOffset, int count) =>
        Cut(() => _memory.WriteRecord(record, source, sourceOffset, count), () => _memory.WriteRecord(record, source, sourceOffset, count / 2));

    public void ReadRecord(int record, byte[] destination, int destinationOffset, int count) =>
        _memory.ReadRecord(record, destination, destinationOffset, count);

    private void Cut(Action write, Action half)
    {
        if (WritesBeforeCut == 0)
        {
            WritesBeforeCut = -1;
            half();
            throw new PowerCutException();
        }

        if (WritesBeforeCut > 0)
        {
            WritesBeforeCut--;
        }

        write();
    }
}

internal sealed class PowerCutException : Exception
{
}
