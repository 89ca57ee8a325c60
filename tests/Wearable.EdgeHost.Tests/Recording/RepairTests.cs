using Wearable.EdgeHost.Recording;
using Wearable.TestSupport;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>Issue 13 item 8: repair never loses a byte, refuses a header that contradicts its data, and can say what it would do.</summary>
public sealed class RepairTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Recording(string name, int records, out byte[] bytes)
    {
        string path = _files.Path(name);
        var options = RecordingFixtures.Options(EdfVariant.Edf, [50, 10]);
        RecordingFixtures.Write(path, options, RecordingFixtures.RandomRecords(new Random(21), options, records), [new EdfAnnotation(0.5, null, "m")]);
        bytes = File.ReadAllBytes(path);
        return path;
    }

    private static void SetField(byte[] bytes, int offset, string text)
    {
        for (int i = 0; i < 8; i++)
        {
            bytes[offset + i] = i < text.Length ? (byte)text[i] : (byte)' ';
        }
    }

    [Fact]
    public void A_header_only_file_gets_record_count_zero_not_minus_one()
    {
        Recording("full.edf", 3, out byte[] full);
        byte[] headerOnly = full.AsSpan(0, 256 * 4).ToArray();
        SetField(headerOnly, 236, "-1");
        string path = _files.Write("header-only.edf", headerOnly);

        RepairResult result = RecordingRepair.Repair(path);

        Assert.Equal(0, result.Records);
        Assert.Equal("0       ", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 236, 8));
        using var reader = EdfReader.Open(path);
        Assert.Equal(0, reader.RecordCount);
    }

    [Fact]
    public void A_huge_samples_per_record_is_refused_and_the_file_left_as_it_was()
    {
        Recording("huge.edf", 5, out byte[] bytes);
        SetField(bytes, 256 + (3 * 216), "9999999");
        string path = _files.Write("huge-spr.edf", bytes);

        var error = Assert.Throws<EdfFormatException>(() => RecordingRepair.Repair(path));

        Assert.Contains("contradict", error.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_bdf_version_on_an_edf_plus_file_is_refused_not_cut()
    {
        Recording("version.edf", 6, out byte[] bytes);
        bytes[0] = 0xFF;
        "BIOSEMI"u8.CopyTo(bytes.AsSpan(1));
        string path = _files.Write("version-swapped.edf", bytes);

        Assert.Throws<EdfFormatException>(() => RecordingRepair.Repair(path));
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_samples_per_record_mismatch_on_an_edf_plus_file_is_refused_not_cut()
    {
        Recording("mismatch.edf", 6, out byte[] bytes);
        SetField(bytes, 256 + (3 * 216), "60");
        string path = _files.Write("mismatch.edf", bytes);

        Assert.Throws<EdfFormatException>(() => RecordingRepair.Repair(path));
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Trailing_junk_after_the_stated_records_stays_junk_and_in_the_file()
    {
        Recording("junk.edf", 4, out byte[] bytes);
        byte[] junk = new byte[5000];
        new Random(3).NextBytes(junk);
        byte[] withJunk = bytes.Concat(junk).ToArray();
        string path = _files.Write("with-junk.edf", withJunk);

        RepairResult result = RecordingRepair.Repair(path);

        Assert.Equal(4, result.Records);
        Assert.False(result.Changed);
        Assert.Equal(5000, result.TrailingBytesKept);
        Assert.Equal(withJunk, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_repair_keeps_the_original_as_a_backup_and_a_second_never_overwrites_it()
    {
        string path = Recording("crashed.edf", 5, out byte[] bytes);
        byte[] crashed = bytes.Concat(new byte[77]).ToArray();
        SetField(crashed, 236, "-1");
        File.WriteAllBytes(path, crashed);

        RepairResult first = RecordingRepair.Repair(path);
        Assert.Equal(crashed, File.ReadAllBytes(first.BackupPath!));
        Assert.Equal(77, first.TruncatedBytes);
        Assert.Equal(5, first.Records);

        File.WriteAllBytes(path, crashed);
        RepairResult second = RecordingRepair.Repair(path);
        Assert.NotEqual(first.BackupPath, second.BackupPath);
        Assert.Equal(crashed, File.ReadAllBytes(first.BackupPath!));
        Assert.Equal(crashed, File.ReadAllBytes(second.BackupPath!));
    }

    [Fact]
    public void A_dry_run_reports_the_repair_and_writes_nothing()
    {
        string path = Recording("dry.edf", 5, out byte[] bytes);
        byte[] crashed = bytes.Concat(new byte[10]).ToArray();
        SetField(crashed, 236, "-1");
        File.WriteAllBytes(path, crashed);

        RepairResult plan = RecordingRepair.Repair(path, dryRun: true);

        Assert.True(plan.DryRun);
        Assert.True(plan.Changed);
        Assert.Equal(5, plan.Records);
        Assert.Equal(10, plan.TruncatedBytes);
        Assert.Null(plan.BackupPath);
        Assert.Equal(crashed, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "dry.edf*"));
    }

    [Fact]
    public void Seeded_mutations_of_real_files_never_crash_the_reader_or_repair_and_never_lose_a_byte()
    {
        string[] files =
        [
            .. Directory.GetFiles(RepositoryPaths.SharedDataFile("formats", "mne")),
            .. Directory.GetFiles(RepositoryPaths.SharedDataFile("formats", "eeglab")),
            Recording("ours.edf", 8, out _),
        ];

        MutationReport report = RecordingMutationTrial.Run(files, casesPerFile: 25, seed: 13, _files.Path("mutants"));

        Assert.Equal(files.Length * 25, report.Cases);
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures));
        Assert.True(report.RepairRefused > 0 && report.Repaired > 0 && report.ReaderRejected > 0, "The mutations should exercise refusal, repair and rejection: " + report);
    }
}
