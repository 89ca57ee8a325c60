using Wearable.EdgeHost.Recording;
using Wearable.VirtualDevice;

namespace Wearable.Cli.Tests;

/// <summary>
/// The device verbs against a virtual device served on a pty (as a USB device would be), with a
/// private key store: pair, info, stream, record, calibrate, unpair, and the not-paired error.
/// </summary>
public sealed class DeviceVerbsTests : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("wearable-cli-keys-").FullName;
    private readonly string? _previous = Environment.GetEnvironmentVariable("WEARABLE_CONFIG_DIR");
    private readonly VirtualBoard _board;

    public DeviceVerbsTests()
    {
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", _config);
        _board = new VirtualBoard(new VirtualDeviceOptions { Channels = 4, SampleRate = 500, Transport = "pty", Quiet = true });
        _board.Start();
    }

    private string Pty => _board.SlavePath!;

    [Fact]
    public void Pair_info_stream_record_calibrate_unpair()
    {
        var notPaired = CliRunner.Run("stream", Pty, "--seconds", "1");
        Assert.Equal(1, notPaired.ExitCode);
        Assert.Contains("not paired: run 'wearable pair " + Pty + "'", notPaired.Error);

        var refused = CliRunner.Run("pair", Pty);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("pairing button", refused.Error);

        _board.PairingButton.Press(TimeSpan.FromMinutes(1));
        var pair = CliRunner.Run("pair", Pty, "--json");
        Assert.True(pair.ExitCode == 0, pair.Error);
        string id = pair.Json().GetProperty("deviceId").GetString()!;
        Assert.True(File.Exists(Path.Combine(_config, "devices", id + ".json")));

        var info = CliRunner.Run("info", Pty, "--json").Json();
        Assert.Equal(id, info.GetProperty("deviceId").GetString());
        Assert.Equal(4, info.GetProperty("channels").GetInt32());
        Assert.True(info.GetProperty("pairedWithThisHost").GetBoolean());

        var stream = CliRunner.Run("stream", Pty, "--seconds", "1", "--json");
        Assert.True(stream.ExitCode == 0, stream.Error);
        var s = stream.Json();
        Assert.True(s.GetProperty("samples").GetInt64() > 200);
        Assert.Equal(0, s.GetProperty("lostBlocks").GetInt64());
        Assert.Equal(4, s.GetProperty("rmsMicrovolts").GetArrayLength());

        string edf = Path.Combine(_config, "rec.edf");
        var record = CliRunner.Run("record", "--connect", Pty, "--out", edf, "--seconds", "1.5");
        Assert.True(record.ExitCode == 0, record.Error);
        using (EdfReader reader = EdfReader.Open(edf))
        {
            Assert.Equal(2, reader.RecordCount);
            Assert.Equal(500, reader.SampleRate(0));
        }

        var calibrate = CliRunner.Run("calibrate", Pty, "--rest-seconds", "0.5", "--mvc-seconds", "0.5", "--json");
        Assert.True(calibrate.ExitCode == 0, calibrate.Error);
        var cal = calibrate.Json();
        Assert.True(cal.GetProperty("pushed").GetBoolean());
        Assert.Equal(4, cal.GetProperty("channels").GetArrayLength());
        Assert.True(File.Exists(cal.GetProperty("saved").GetString()));

        var unpair = CliRunner.Run("unpair", id);
        Assert.Equal(0, unpair.ExitCode);
        Assert.False(File.Exists(Path.Combine(_config, "devices", id + ".json")));
        var again = CliRunner.Run("unpair", id);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("hint:", again.Error);
    }

    [Fact]
    public void A_bad_connection_string_is_one_line_with_a_hint()
    {
        var result = CliRunner.Run("info", "bluetooth://watch");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("scheme 'bluetooth' is unknown", result.Error);
        Assert.Contains("hint: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Devices_lists_running_virtual_devices_and_paired_keys_as_json()
    {
        var result = CliRunner.Run("devices", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(_config, json.GetProperty("keyStore").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.GetProperty("devices").ValueKind);
    }

    public void Dispose()
    {
        _board.Dispose();
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", _previous);
        Directory.Delete(_config, recursive: true);
    }
}
