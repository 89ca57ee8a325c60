using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

public sealed class RecordCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wearable-cli-record").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Repair_json_reports_the_recomputed_count_and_the_cut_partial_record()
    {
        string path = CrashedCopy();

        var result = CliRunner.Run("record", "repair", path, "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(-1, json.GetProperty("headerRecordsBefore").GetInt64());
        Assert.Equal(60, json.GetProperty("records").GetInt64());
        Assert.Equal(100, json.GetProperty("truncatedBytes").GetInt64());
        Assert.True(json.GetProperty("changed").GetBoolean());
        Assert.Equal(787968, new FileInfo(path).Length);
    }

    [Fact]
    public void Repair_says_what_it_did_and_a_second_run_finds_the_file_intact()
    {
        string path = CrashedCopy();

        var first = CliRunner.Run("record", "repair", path);
        var second = CliRunner.Run("record", "repair", path);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("header said unknown (-1) data records, the file holds 60 complete records of 13056 bytes; cut 100 bytes", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("is intact: 60 data records; nothing changed.", second.Out);
    }

    [Fact]
    public void Repair_of_a_missing_file_is_a_one_line_error_with_a_hint()
    {
        string path = Path.Combine(_dir, "missing.edf");

        var result = CliRunner.Run("record", "repair", path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: FILE: the file '" + path + "' does not exist.", result.Error);
        Assert.Contains("hint: run 'wearable record repair --help'", result.Error);
    }

    [Fact]
    public void Repair_of_a_file_with_a_damaged_header_explains_the_field()
    {
        string path = Path.Combine(_dir, "damaged.edf");
        byte[] bytes = File.ReadAllBytes(RepositoryPaths.SharedDataFile("formats", "eeglab", "test.edf"));
        "abc     "u8.CopyTo(bytes.AsSpan(236));
        File.WriteAllBytes(path, bytes);

        var result = CliRunner.Run("record", "repair", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("header field 'number of data records' at byte 236 is 'abc': expected an integer.", result.Error);
        Assert.Contains("hint: ", result.Error);
    }

    [Fact]
    public void Repair_without_a_file_is_a_usage_error()
    {
        var result = CliRunner.Run("record", "repair");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("wearable record repair --help", result.Error);
    }

    private string CrashedCopy()
    {
        // The eeglab BDF says -1 records, as a recording still in progress does; 100 extra bytes are a half-written record.
        string path = Path.Combine(_dir, "crashed-" + Guid.NewGuid().ToString("N") + ".bdf");
        byte[] bytes = File.ReadAllBytes(RepositoryPaths.SharedDataFile("formats", "eeglab", "test.bdf"));
        File.WriteAllBytes(path, bytes.Concat(new byte[100]).ToArray());
        return path;
    }
}
