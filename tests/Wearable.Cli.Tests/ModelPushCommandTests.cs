using Wearable.TestSupport;
using Wearable.VirtualDevice;

namespace Wearable.Cli.Tests;

/// <summary>`wearable model push|list|activate` against a virtual device on a pty.</summary>
public sealed class ModelPushCommandTests : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("wearable-model-keys-").FullName;
    private readonly string? _previous = Environment.GetEnvironmentVariable("WEARABLE_CONFIG_DIR");
    private readonly VirtualBoard _board;

    public ModelPushCommandTests()
    {
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", _config);
        _board = new VirtualBoard(new VirtualDeviceOptions { Channels = 8, SampleRate = 2000, Transport = "pty", PairingWindow = TimeSpan.FromMinutes(1), Quiet = true });
        _board.Start();
    }

    [Fact]
    public void A_pushed_example_model_becomes_the_active_verified_slot()
    {
        string pty = _board.SlavePath!;
        Assert.Equal(0, CliRunner.Run("pair", pty).ExitCode);
        Assert.Null(ActiveSlot(pty));

        string model = RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl");
        var push = CliRunner.Run("model", "push", model, "--connect", pty, "--slot", "0", "--json");
        Assert.True(push.ExitCode == 0, push.Error);
        var pushed = push.Json();
        Assert.Equal(new FileInfo(model).Length, pushed.GetProperty("bytes").GetInt64());

        var list = CliRunner.Run("model", "list", "--connect", pty, "--json").Json();
        Assert.Equal(0, list.GetProperty("activeSlot").GetInt32());
        Assert.Equal(pushed.GetProperty("bytes").GetInt64(), list.GetProperty("bytes").GetInt64());
        Assert.True(list.GetProperty("verified").GetBoolean());

        var activate = CliRunner.Run("model", "activate", "--connect", pty);
        Assert.Equal(1, activate.ExitCode);
        Assert.Contains("hint:", activate.Error);
    }

    [Fact]
    public void Pushing_twice_with_the_default_slot_works_and_shows_each_models_own_crc()
    {
        string pty = _board.SlavePath!;
        Assert.Equal(0, CliRunner.Run("pair", pty).ExitCode);
        string first = RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl");
        string second = Path.Combine(_config, "seed2.wmdl");
        Assert.Equal(0, CliRunner.Run("model", "example", "--seed", "2", "--out", second).ExitCode);

        var one = CliRunner.Run("model", "push", first, "--connect", pty, "--json");
        Assert.True(one.ExitCode == 0, one.Error);
        var two = CliRunner.Run("model", "push", second, "--connect", pty, "--json");
        Assert.True(two.ExitCode == 0, two.Error);

        Assert.NotEqual(one.Json().GetProperty("slot").GetInt32(), two.Json().GetProperty("slot").GetInt32());
        Assert.Equal(two.Json().GetProperty("slot").GetInt32(), ActiveSlot(pty));
        Assert.Equal("0x" + InspectedCrc(first).ToUpperInvariant(), one.Json().GetProperty("crc32").GetString());
        Assert.Equal("0x" + InspectedCrc(second).ToUpperInvariant(), two.Json().GetProperty("crc32").GetString());
        Assert.NotEqual(one.Json().GetProperty("crc32").GetString(), two.Json().GetProperty("crc32").GetString());
    }

    [Fact]
    public void Pushing_into_the_running_slot_or_to_a_device_with_other_channels_is_refused_before_uploading()
    {
        string pty = _board.SlavePath!;
        Assert.Equal(0, CliRunner.Run("pair", pty).ExitCode);
        string model = RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl");
        Assert.Equal(0, CliRunner.Run("model", "push", model, "--connect", pty).ExitCode);
        int active = ActiveSlot(pty)!.Value;

        var running = CliRunner.Run("model", "push", model, "--connect", pty, "--slot", active.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, running.ExitCode);
        Assert.Contains("the device is running", running.Error);
        Assert.Contains("hint: Leave out --slot", running.Error);

        var sixteen = CliRunner.Run("model", "push", model, "--connect", "sim://?transport=inproc&channels=16");
        Assert.Equal(1, sixteen.ExitCode);
        Assert.Contains("takes 8 channels but the device has 16", sixteen.Error);
        Assert.Contains("--channels 8", sixteen.Error);
    }

    [Fact]
    public void Garbage_is_refused_with_a_one_line_error()
    {
        string pty = _board.SlavePath!;
        Assert.Equal(0, CliRunner.Run("pair", pty).ExitCode);
        string junk = Path.Combine(_config, "junk.wmdl");
        File.WriteAllBytes(junk, new byte[3000]);
        var push = CliRunner.Run("model", "push", junk, "--connect", pty);
        Assert.Equal(1, push.ExitCode);
        Assert.StartsWith("error: ", push.Error);
        Assert.Contains("hint:", push.Error);
    }

    public void Dispose()
    {
        _board.Dispose();
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", _previous);
        Directory.Delete(_config, recursive: true);
    }

    private static string InspectedCrc(string model) =>
        CliRunner.Run("model", "inspect", model, "--json").Json().GetProperty("crc32").GetString()!;

    private static int? ActiveSlot(string pty)
    {
        var list = CliRunner.Run("model", "list", "--connect", pty, "--json").Json();
        return list.TryGetProperty("activeSlot", out var slot) ? slot.GetInt32() : null;
    }
}
