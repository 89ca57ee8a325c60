namespace Wearable.EdgeHost.Recording;

/// <summary>What <see cref="RecordingRepair.Repair"/> found and did (or, for a dry run, would do).</summary>
public sealed record RepairResult(
    string Path,
    long HeaderRecordsBefore,
    long Records,
    long RecordBytes,
    long TruncatedBytes,
    bool Changed)
{
    /// <summary>Bytes after the last record that are not a torn record (more than a record's worth): left in the file untouched.</summary>
    public long TrailingBytesKept { get; init; }

    /// <summary>Where the untouched original was copied before anything changed (null when nothing changed or on a dry run).</summary>
    public string? BackupPath { get; init; }

    /// <summary>True when nothing was written: the result says what a repair would do.</summary>
    public bool DryRun { get; init; }
}

/// <summary>
/// Fixes a recording a crash left behind (record count -1 or one short, a torn last record) so strict
/// readers accept it again, and never loses a byte: the original is copied to a backup before anything
/// changes, bytes that are not a torn record are left where they are, and a file whose header and data
/// contradict each other (a record larger than all the data, time-keeping annotations that are not where
/// the header's layout puts them) is refused unchanged, since "repairing"
/// it would mean guessing which of the two is wrong.
/// </summary>
public static class RecordingRepair
{
    /// <summary>Repairs <paramref name="path"/> in place after backing it up; with <paramref name="dryRun"/> only reports.</summary>
    /// <exception cref="FileNotFoundException">no such file</exception>
    /// <exception cref="EdfFormatException">the header is damaged, or header and data contradict each other (nothing was changed)</exception>
    public static RepairResult Repair(string path, bool dryRun = false)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Recording " + path + " does not exist.", path);
        }

        RepairResult plan;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            plan = Plan(path, stream);
        }

        if (!plan.Changed || dryRun)
        {
            return plan with { DryRun = dryRun };
        }

        string backup = BackupPathFor(path);
        File.Copy(path, backup, overwrite: false);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
        {
            // Cut first, then state the count: an interruption in between still leaves a count the data can back.
            if (plan.TruncatedBytes > 0)
            {
                stream.SetLength(stream.Length - plan.TruncatedBytes);
            }

            stream.Seek(EdfHeader.DataRecordCountOffset, SeekOrigin.Begin);
            stream.Write(EdfHeaderFormatter.RecordCountBytes(plan.Records));
            stream.Flush(flushToDisk: true);
        }

        return plan with { BackupPath = backup };
    }

    private static RepairResult Plan(string path, FileStream stream)
    {
        EdfHeader header = EdfHeaderParser.Parse(stream);
        long recordBytes = header.RecordBytes;
        long dataBytes = stream.Length - header.HeaderBytes;
        long stated = header.DataRecords;
        if (dataBytes == 0)
        {
            // A header-only file (a recording stopped before its first record): zero records, not "unknown".
            return new RepairResult(path, stated, 0, recordBytes, 0, stated != 0);
        }

        if (recordBytes > dataBytes && (stated == -1 || OpensWithTimeKeeping(stream, header, 0) == true))
        {
            // Killed (or cut) inside the first record: no complete record; the torn bytes go to the backup.
            return new RepairResult(path, stated, 0, recordBytes, dataBytes, true);
        }

        if (recordBytes > dataBytes)
        {
            throw Contradiction(
                "the header's record layout needs " + recordBytes + " bytes per data record but the file holds only " + dataBytes + " bytes after its header",
                "samples per record");
        }

        long complete = dataBytes / recordBytes;
        long records;
        if (stated == -1 || stated == complete - 1)
        {
            // What a crash leaves: "still recording", or killed between a record's data and its count.
            records = complete;
        }
        else if (stated >= 0 && stated <= complete)
        {
            // More bytes than the header's records: the header is the authority, the rest is not data.
            records = stated;
        }
        else
        {
            // Fewer complete records than the header says: the file was cut short (a copy or disk ran out).
            records = complete;
        }

        CheckTimeKeeping(stream, header, records);
        long rest = dataBytes - (records * recordBytes);
        long truncated = rest < recordBytes ? rest : 0;
        return new RepairResult(path, stated, records, recordBytes, truncated, stated != records || truncated != 0)
        {
            TrailingBytesKept = rest - truncated,
        };
    }

    // EDF+/BDF+ records each open with a time-keeping TAL ("+onset\x14\x14"); if they are not where the header's
    // layout puts them, the layout (samples per record, version, signal count) does not describe this data.
    private static void CheckTimeKeeping(FileStream stream, EdfHeader header, long records)
    {
        for (long r = 0; r < records; r++)
        {
            if (OpensWithTimeKeeping(stream, header, r) == false)
            {
                throw Contradiction(
                    "data record " + r + " does not open its annotation signal with a time-keeping annotation where the header's layout puts it",
                    "samples per record");
            }
        }
    }

    /// <summary>Whether record <paramref name="record"/>'s annotation signal opens with a time-keeping TAL; null when the file has none or it lies beyond the end.</summary>
    private static bool? OpensWithTimeKeeping(FileStream stream, EdfHeader header, long record)
    {
        int annotation = -1;
        long offset = 0;
        for (int s = 0; s < header.Signals.Count; s++)
        {
            if (header.Signals[s].IsAnnotation)
            {
                annotation = s;
                break;
            }

            offset += (long)header.Signals[s].SamplesPerRecord * header.BytesPerSample;
        }

        if (!header.IsPlus || annotation < 0)
        {
            return null;
        }

        var start = new byte[Math.Min(32, header.Signals[annotation].SamplesPerRecord * header.BytesPerSample)];
        long at = header.HeaderBytes + (record * header.RecordBytes) + offset;
        if (at + start.Length > stream.Length)
        {
            return null;
        }

        stream.Position = at;
        stream.ReadExactly(start);
        return IsTimeKeeping(start);
    }

    private static bool IsTimeKeeping(byte[] tal)
    {
        if (tal.Length < 4 || (tal[0] != '+' && tal[0] != '-'))
        {
            return false;
        }

        int at = 1;
        while (at < tal.Length && (char.IsAsciiDigit((char)tal[at]) || tal[at] == '.'))
        {
            at++;
        }

        return at > 1 && at + 1 < tal.Length && tal[at] == 0x14 && tal[at + 1] == 0x14;
    }

    private static EdfFormatException Contradiction(string what, string field) =>
        new(
            "header and data contradict each other: " + what + "; nothing was changed.",
            field,
            null,
            "Repair only fixes what a crash leaves (record count, a torn last record); check the header field '" + field + "' against the device's settings, or read what is there with EdfReadOptions.AllowTruncated.");

    private static string BackupPathFor(string path)
    {
        string backup = path + ".before-repair";
        for (int n = 2; File.Exists(backup); n++)
        {
            backup = path + ".before-repair-" + n;
        }

        return backup;
    }
}
