using FsCheck;
using FsCheck.Fluent;
using Wearable.TestSupport;
using Wearable.EdgeHost.Recording;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>
/// The writer hands every record to the OS with one positioned write and no user-space buffer, so a copy of
/// the file taken while it is still open is exactly what a killed process would leave behind.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_recording_killed_midway_reads_back_up_to_its_last_complete_record()
    {
        string path = _files.Path("live.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [100, 20]);
        var records = RecordingFixtures.RandomRecords(new Random(11), options, 8);
        byte[] atHeaderOnly, afterFive;
        using (var writer = EdfWriter.Create(path, options))
        {
            atHeaderOnly = Snapshot(path);
            writer.AddAnnotation(0.5, null, "marker before the crash");
            for (int r = 0; r < 5; r++)
            {
                writer.WriteRecord(records[r]);
            }

            afterFive = Snapshot(path);
            writer.WriteRecord(records[5]);
        }

        // Header only, count -1: readable, zero records.
        using (var reader = EdfReader.Open(_files.Write("header-only.edf", atHeaderOnly)))
        {
            Assert.Equal(-1, reader.Header.DataRecords);
            Assert.Equal(0, reader.RecordCount);
        }

        // Killed in the middle of the sixth record's write: five complete records plus a partial one.
        long recordBytes = (100 + 20 + 120) * 2;
        byte[] crashed = afterFive.Concat(new byte[recordBytes / 3]).ToArray();
        string crashedPath = _files.Write("crashed.edf", crashed);
        using (var reader = EdfReader.Open(crashedPath))
        {
            Assert.Equal(5, reader.RecordCount);
            Assert.Equal(recordBytes / 3, reader.TrailingBytes);
            Assert.Equal(records.Take(5).SelectMany(r => r[0]), reader.ReadDigital(0));
            Assert.Equal([new EdfAnnotation(0.5, null, "marker before the crash")], reader.ReadAnnotations());
        }

        RepairResult repair = RecordingRepair.Repair(crashedPath);
        Assert.Equal(new RepairResult(crashedPath, 5, 5, recordBytes, recordBytes / 3, true), repair with { BackupPath = null });
        Assert.Equal(crashed, File.ReadAllBytes(repair.BackupPath!));
        Assert.Equal(5, SpecHeaderCheck.Check(crashedPath).Records);
    }

    [Fact]
    public void A_file_cut_at_any_byte_is_rejected_strictly_salvaged_leniently_and_repaired()
    {
        string path = _files.Path("full.bdf");
        var options = RecordingFixtures.Options(EdfVariant.Bdf, [64, 16]);
        var records = RecordingFixtures.RandomRecords(new Random(5), options, 10);
        RecordingFixtures.Write(path, options, records, [new EdfAnnotation(0.2, 0.1, "first"), new EdfAnnotation(9.5, null, "late")]);
        byte[] full = File.ReadAllBytes(path);
        int headerBytes = 256 * 4;
        int recordBytes = (64 + 16 + 80) * 3;
        Assert.Equal(headerBytes + (10 * recordBytes), full.Length);

        var property = Prop.ForAll(Gen.Choose(headerBytes, full.Length - 1).ToArbitrary(), cut =>
        {
            int complete = (cut - headerBytes) / recordBytes;
            string cutPath = _files.Write("cut-" + cut + ".bdf", full.AsSpan(0, cut).ToArray());
            var strict = Assert.Throws<EdfFormatException>(() => EdfReader.Open(cutPath));
            Assert.Contains("shorter than its header claims", strict.Message);
            Assert.Contains("wearable record repair", strict.Hint);
            using (var lenient = EdfReader.Open(cutPath, new EdfReadOptions { AllowTruncated = true }))
            {
                Assert.True(lenient.IsTruncated);
                Assert.Equal(complete, lenient.RecordCount);
                Assert.Equal(records.Take(complete).SelectMany(r => r[1]), lenient.ReadDigital(1));
            }

            if (cut - headerBytes < (80 * 3) + 32)
            {
                // Cut inside the first record before its time-keeping annotation: nothing shows the header's
                // layout fits the data (a cut and a wrong samples-per-record look alike), so repair refuses.
                byte[] before = File.ReadAllBytes(cutPath);
                Assert.Throws<EdfFormatException>(() => RecordingRepair.Repair(cutPath));
                Assert.Equal(before, File.ReadAllBytes(cutPath));
                File.Delete(cutPath);
                return;
            }

            RepairResult result = RecordingRepair.Repair(cutPath);
            Assert.Equal(10, result.HeaderRecordsBefore);
            Assert.Equal(complete, result.Records);
            Assert.Equal((cut - headerBytes) % recordBytes, result.TruncatedBytes);
            using (var repaired = EdfReader.Open(cutPath))
            {
                Assert.Equal(complete, repaired.RecordCount);
                Assert.Equal(0, repaired.TrailingBytes);
                Assert.Equal(records.Take(complete).SelectMany(r => r[0]), repaired.ReadDigital(0));
            }

            Assert.Equal(complete, SpecHeaderCheck.Check(cutPath).Records);
            File.Delete(cutPath);
        });
        PropertyChecks.Check(property, cases: 40, seed: 20261204);
    }

    [Fact]
    public void Repair_leaves_a_healthy_file_byte_for_byte_alone()
    {
        string path = _files.Path("healthy.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [32]);
        RecordingFixtures.Write(path, options, RecordingFixtures.RandomRecords(new Random(1), options, 4));
        byte[] before = File.ReadAllBytes(path);
        RepairResult result = RecordingRepair.Repair(path);
        Assert.False(result.Changed);
        Assert.Equal(4, result.Records);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Repair_of_a_file_whose_header_says_minus_one_states_the_real_count()
    {
        string path = _files.Write("eeglab.bdf", File.ReadAllBytes(Wearable.TestSupport.RepositoryPaths.SharedDataFile("formats", "eeglab", "test.bdf")));
        RepairResult result = RecordingRepair.Repair(path);
        Assert.Equal(-1, result.HeaderRecordsBefore);
        Assert.Equal(60, result.Records);
        Assert.True(result.Changed);
        using var reader = EdfReader.Open(path);
        Assert.Equal(60, reader.Header.DataRecords);
    }

    [Fact]
    public void Repair_refuses_a_file_whose_header_is_broken()
    {
        string path = _files.Write("junk.edf", new byte[100]);
        Assert.Throws<EdfFormatException>(() => RecordingRepair.Repair(path));
        Assert.Throws<FileNotFoundException>(() => RecordingRepair.Repair(_files.Path("missing.edf")));
    }

    private static byte[] Snapshot(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
