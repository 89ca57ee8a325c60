namespace Wearable.EdgeHost.Recording;

/// <summary>What <see cref="RecordingRepair.Repair"/> found and did.</summary>
public sealed record RepairResult(
    string Path,
    long HeaderRecordsBefore,
    long Records,
    long RecordBytes,
    long TruncatedBytes,
    bool Changed);

/// <summary>
/// Fixes a recording left behind by a crash: the record count comes from the file size, and a partial
/// trailing record is cut off, so strict readers accept the file again. The header must be intact.
/// </summary>
public static class RecordingRepair
{
    public static RepairResult Repair(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Recording " + path + " does not exist.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        EdfHeader header = EdfHeaderParser.Parse(stream);
        long recordBytes = header.RecordBytes;
        long dataBytes = stream.Length - header.HeaderBytes;
        long complete = dataBytes / recordBytes;
        long keepBytes = header.HeaderBytes + (complete * recordBytes);
        long truncated = stream.Length - keepBytes;
        bool changed = header.DataRecords != complete || truncated != 0;
        if (changed)
        {
            // Cut first, then state the count: an interruption in between still leaves a count the data can back.
            stream.SetLength(keepBytes);
            stream.Seek(EdfHeader.DataRecordCountOffset, SeekOrigin.Begin);
            stream.Write(EdfHeaderFormatter.RecordCountBytes(complete));
            stream.Flush(flushToDisk: true);
        }

        return new RepairResult(path, header.DataRecords, complete, recordBytes, truncated, changed);
    }
}
