using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Board;

/// <summary>
/// Flash slots and records kept in one file, so a restarted (or killed) virtual device finds its
/// committed model, pairing and calibration again. Layout: records first, then the slots. Like real
/// NOR flash, erase sets 0xFF. Every write goes to the OS before returning (a killed process loses
/// nothing the OS has; the core's double records cover torn writes on real power loss).
/// Without a path, the flash lives in memory only.
/// </summary>
public sealed class FlashFile : IFlashSlotStore, IDisposable
{
    private readonly FileStream? _file;
    private readonly byte[]? _memory;

    public FlashFile(string? path, int slotSize, int slotCount = 2, int recordSize = 512, int recordCount = 8)
    {
        if (slotSize < 1 || slotCount < 2 || recordSize < 16 || recordCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(slotSize), "Flash geometry must have at least 2 slots and 2 records.");
        }

        SlotSize = slotSize;
        SlotCount = slotCount;
        RecordSize = recordSize;
        RecordCount = recordCount;
        long total = TotalBytes;
        if (path is null)
        {
            _memory = new byte[total];
            Array.Fill(_memory, (byte)0xFF);
            return;
        }

        UpgradeOlderLayout(path, slotSize, slotCount, recordSize, recordCount);
        bool fresh = !File.Exists(path);
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (!fresh && _file.Length != total)
        {
            long found = _file.Length;
            _file.Dispose();
            throw new InvalidDataException(
                $"Flash file {path} has {found} bytes but this geometry needs {total} " +
                "(another --slot-size?): delete the file or use the size it was made with.");
        }

        if (fresh || _file.Length == 0)
        {
            var erased = new byte[64 * 1024];
            Array.Fill(erased, (byte)0xFF);
            for (long at = 0; at < total; at += erased.Length)
            {
                _file.Write(erased, 0, (int)Math.Min(erased.Length, total - at));
            }

            _file.Flush();
        }
    }

    /// <summary>Records a flash file had before the device-id record was added.</summary>
    public const int RecordsBeforeDeviceId = 8;

    public int SlotCount { get; }

    public int SlotSize { get; }

    public int RecordCount { get; }

    public int RecordSize { get; }

    private long TotalBytes => ((long)RecordCount * RecordSize) + ((long)SlotCount * SlotSize);

    public void EraseSlot(int slot)
    {
        CheckSlot(slot, 0, 0);
        var erased = new byte[Math.Min(SlotSize, 64 * 1024)];
        Array.Fill(erased, (byte)0xFF);
        for (int at = 0; at < SlotSize; at += erased.Length)
        {
            Put(SlotBase(slot) + at, erased, 0, Math.Min(erased.Length, SlotSize - at));
        }
    }

    public void WriteSlot(int slot, int slotOffset, byte[] source, int sourceOffset, int count)
    {
        CheckSlot(slot, slotOffset, count);
        Put(SlotBase(slot) + slotOffset, source, sourceOffset, count);
    }

    public void ReadSlot(int slot, int slotOffset, byte[] destination, int destinationOffset, int count)
    {
        CheckSlot(slot, slotOffset, count);
        Get(SlotBase(slot) + slotOffset, destination, destinationOffset, count);
    }

    public void WriteRecord(int record, byte[] source, int sourceOffset, int count)
    {
        CheckRecord(record, count);
        var image = new byte[RecordSize];
        Array.Fill(image, (byte)0xFF);
        Array.Copy(source, sourceOffset, image, 0, count);
        Put((long)record * RecordSize, image, 0, RecordSize);
    }

    public void ReadRecord(int record, byte[] destination, int destinationOffset, int count)
    {
        CheckRecord(record, count);
        Get((long)record * RecordSize, destination, destinationOffset, count);
    }

    public void Dispose() => _file?.Dispose();

    // A file written before the device-id record existed has the same slots and two records fewer. Its
    // model, pairings and calibration are kept: the original is copied to PATH.bak first, then erased
    // records are inserted before the slots (the device draws its id on the next boot).
    private static void UpgradeOlderLayout(string path, int slotSize, int slotCount, int recordSize, int recordCount)
    {
        if (recordCount <= RecordsBeforeDeviceId || !File.Exists(path))
        {
            return;
        }

        long oldRecordBytes = (long)RecordsBeforeDeviceId * recordSize;
        if (new FileInfo(path).Length != oldRecordBytes + ((long)slotCount * slotSize))
        {
            return;
        }

        string backup = path + ".bak";
        if (File.Exists(backup))
        {
            throw new InvalidDataException(
                $"Flash file {path} has the older layout ({RecordsBeforeDeviceId} records) and {backup} already exists: move the backup away, then start again.");
        }

        File.Copy(path, backup);
        byte[] old = File.ReadAllBytes(path);
        var added = new byte[(long)(recordCount - RecordsBeforeDeviceId) * recordSize];
        Array.Fill(added, (byte)0xFF);
        string temporary = path + ".upgrade";
        using (var upgraded = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            upgraded.Write(old, 0, (int)oldRecordBytes);
            upgraded.Write(added, 0, added.Length);
            upgraded.Write(old, (int)oldRecordBytes, old.Length - (int)oldRecordBytes);
            upgraded.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private long SlotBase(int slot) => ((long)RecordCount * RecordSize) + ((long)slot * SlotSize);

    private void Put(long at, byte[] source, int offset, int count)
    {
        if (_memory is not null)
        {
            Array.Copy(source, offset, _memory, at, count);
            return;
        }

        _file!.Position = at;
        _file.Write(source, offset, count);
        _file.Flush();
    }

    private void Get(long at, byte[] destination, int offset, int count)
    {
        if (_memory is not null)
        {
            Array.Copy(_memory, at, destination, offset, count);
            return;
        }

        _file!.Position = at;
        _file.ReadExactly(destination, offset, count);
    }

    private void CheckSlot(int slot, int offset, int count)
    {
        if (slot < 0 || slot >= SlotCount || offset < 0 || count < 0 || offset > SlotSize - count)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), $"Slot {slot} [{offset}, +{count}) is outside the flash ({SlotCount} slots of {SlotSize} B).");
        }
    }

    private void CheckRecord(int record, int count)
    {
        if (record < 0 || record >= RecordCount || count < 0 || count > RecordSize)
        {
            throw new ArgumentOutOfRangeException(nameof(record), $"Record {record} ({count} B) is outside the flash ({RecordCount} records of {RecordSize} B).");
        }
    }
}
