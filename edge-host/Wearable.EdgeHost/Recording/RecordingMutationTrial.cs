namespace Wearable.EdgeHost.Recording;

/// <summary>The tally of a <see cref="RecordingMutationTrial"/>: cases tried, and those that crashed or lost data (goal 0).</summary>
public sealed record MutationReport(
    int Cases,
    int ReaderCrashes,
    int RepairCrashes,
    int RepairLostData,
    int ReaderRejected,
    int RepairRefused,
    int Repaired,
    IReadOnlyList<string> Failures);

/// <summary>
/// Damages copies of real recordings in seeded, reproducible ways (header numbers, record count, samples
/// per record, version byte, truncation, appended junk, random bytes) and checks the two promises:
/// the reader either reads a file or rejects it with <see cref="EdfFormatException"/>, and repair never
/// crashes and never loses a byte (a refusal leaves the file as it was; a repair leaves a backup equal
/// to the damaged input and changes nothing but the count field and a torn tail).
/// </summary>
public static class RecordingMutationTrial
{
    private static readonly byte[] Interesting = "0123456789-+. e\u0014\u0015\0"u8.ToArray().Concat(new byte[] { 0xFF, 0x80 }).ToArray();

    /// <summary>Runs <paramref name="casesPerFile"/> damaged copies of each file through the reader and through repair, in <paramref name="scratch"/>.</summary>
    public static MutationReport Run(IReadOnlyList<string> files, int casesPerFile, int seed, string scratch)
    {
        int cases = 0, readerCrashes = 0, repairCrashes = 0, lost = 0, rejected = 0, refused = 0, repaired = 0;
        var failures = new List<string>();
        Directory.CreateDirectory(scratch);
        for (int f = 0; f < files.Count; f++)
        {
            byte[] original = File.ReadAllBytes(files[f]);
            if (original.Length < 256)
            {
                // The mutations rewrite header fields; a file without a header has none to damage.
                throw new InvalidDataException(files[f] + " is " + original.Length + " bytes, too short to be an EDF/BDF file (its header alone is 256 bytes): give the fuzzer real recordings.");
            }

            string extension = Path.GetExtension(files[f]);
            for (int c = 0; c < casesPerFile; c++)
            {
                var random = new Random(seed + (f * 1_000_003) + c);
                byte[] damaged = Mutate(original, random, out string how);
                string label = Path.GetFileName(files[f]) + " case " + c + " (" + how + ", seed " + seed + ")";
                string path = Path.Combine(scratch, "mutant" + extension);
                cases++;

                File.WriteAllBytes(path, damaged);
                switch (TryRead(path))
                {
                    case null:
                        break;
                    case EdfFormatException:
                        rejected++;
                        break;
                    case Exception ex:
                        readerCrashes++;
                        failures.Add("reader crashed on " + label + ": " + ex.GetType().Name + ": " + ex.Message);
                        break;
                }

                File.WriteAllBytes(path, damaged);
                try
                {
                    RepairResult result = RecordingRepair.Repair(path);
                    if (result.Changed)
                    {
                        repaired++;
                    }

                    string? loss = CheckNothingLost(damaged, path, result);
                    if (loss is not null)
                    {
                        lost++;
                        failures.Add("repair lost data on " + label + ": " + loss);
                    }

                    if (result.BackupPath is not null)
                    {
                        File.Delete(result.BackupPath);
                    }
                }
                catch (EdfFormatException)
                {
                    refused++;
                    if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(damaged))
                    {
                        lost++;
                        failures.Add("repair refused " + label + " but changed the file");
                    }
                }
                catch (Exception ex)
                {
                    repairCrashes++;
                    failures.Add("repair crashed on " + label + ": " + ex.GetType().Name + ": " + ex.Message);
                }
            }
        }

        return new MutationReport(cases, readerCrashes, repairCrashes, lost, rejected, refused, repaired, failures);
    }

    private static Exception? TryRead(string path)
    {
        try
        {
            using EdfReader reader = EdfReader.Open(path, new EdfReadOptions { AllowTruncated = true });
            for (int s = 0; s < reader.Header.Signals.Count; s++)
            {
                if (!reader.Header.Signals[s].IsAnnotation)
                {
                    reader.ReadPhysical(s);
                }
            }

            reader.ReadAnnotations();
            reader.ReadRecordOnsets();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    // A repair may rewrite the 8-byte count field and cut a torn tail shorter than one record; nothing else.
    private static string? CheckNothingLost(byte[] damaged, string path, RepairResult result)
    {
        byte[] now = File.ReadAllBytes(path);
        if (!result.Changed)
        {
            return now.AsSpan().SequenceEqual(damaged) ? null : "reported no change but the file changed";
        }

        if (result.BackupPath is null || !File.ReadAllBytes(result.BackupPath).AsSpan().SequenceEqual(damaged))
        {
            return "no backup equal to the input";
        }

        if (damaged.Length - now.Length != result.TruncatedBytes || result.TruncatedBytes >= Math.Max(1, result.RecordBytes))
        {
            return "cut " + (damaged.Length - now.Length) + " bytes, reported " + result.TruncatedBytes + " of records of " + result.RecordBytes;
        }

        for (int i = 0; i < now.Length; i++)
        {
            bool countField = i >= EdfHeader.DataRecordCountOffset && i < EdfHeader.DataRecordCountOffset + 8;
            if (!countField && now[i] != damaged[i])
            {
                return "byte " + i + " changed";
            }
        }

        return null;
    }

    private static byte[] Mutate(byte[] original, Random random, out string how)
    {
        byte[] bytes = (byte[])original.Clone();
        int headerBytes = Math.Min(bytes.Length, 256 * (1 + Math.Max(0, ReadInt(bytes, 252, 4))));
        switch (random.Next(7))
        {
            case 0:
                how = "header bytes";
                for (int i = random.Next(1, 5); i > 0; i--)
                {
                    bytes[random.Next(headerBytes)] = Interesting[random.Next(Interesting.Length)];
                }

                return bytes;
            case 1:
                string[] counts = ["-1", "0", "1", "99999999", "-2", "abc", (ReadInt(bytes, 236, 8) + random.Next(-3, 4)).ToString(System.Globalization.CultureInfo.InvariantCulture)];
                string count = counts[random.Next(counts.Length)];
                how = "record count " + count;
                Field(bytes, 236, 8, count);
                return bytes;
            case 2:
                int signals = Math.Max(1, ReadInt(bytes, 252, 4));
                int signal = random.Next(signals);
                string[] sizes = ["0", "1", "99999999", "-5", (random.Next(1, 5000)).ToString(System.Globalization.CultureInfo.InvariantCulture)];
                string size = sizes[random.Next(sizes.Length)];
                how = "samples per record of signal " + signal + " = " + size;
                Field(bytes, 256 + (signals * 216) + (signal * 8), 8, size);
                return bytes;
            case 3:
                how = "version byte swapped";
                if (bytes[0] == 0xFF)
                {
                    Field(bytes, 0, 8, "0");
                }
                else
                {
                    bytes[0] = 0xFF;
                    "BIOSEMI"u8.CopyTo(bytes.AsSpan(1));
                }

                return bytes;
            case 4:
                int cut = random.Next(bytes.Length);
                how = "cut at " + cut;
                return bytes.AsSpan(0, cut).ToArray();
            case 5:
                int junk = random.Next(1, 20_000);
                how = junk + " junk bytes appended";
                var longer = new byte[bytes.Length + junk];
                bytes.CopyTo(longer, 0);
                random.NextBytes(longer.AsSpan(bytes.Length));
                return longer;
            default:
                how = "random bytes anywhere";
                for (int i = random.Next(1, 9); i > 0; i--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
        }
    }

    private static int ReadInt(byte[] bytes, int offset, int width) =>
        offset + width <= bytes.Length && int.TryParse(System.Text.Encoding.ASCII.GetString(bytes, offset, width).Trim(), out int value) ? value : 0;

    private static void Field(byte[] bytes, int offset, int width, string text)
    {
        if (offset + width > bytes.Length)
        {
            return;
        }

        for (int i = 0; i < width; i++)
        {
            bytes[offset + i] = i < text.Length ? (byte)text[i] : (byte)' ';
        }
    }
}
