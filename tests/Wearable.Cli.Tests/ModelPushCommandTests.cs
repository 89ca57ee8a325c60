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
        Assert.Equal(pushed.GetProperty("crc32").GetString(), list.GetProperty("crc32").GetString());
        Assert.Equal(pushed.GetProperty("bytes").GetInt64(), list.GetProperty("bytes").GetInt64());

        var activate = CliRunner.Run("model", "activate", "--connect", pty);
        Assert.Equal(1, activate.ExitCode);
        Assert.Contains("hint:", activate.Error);
    }

    [Fact]
    public void Garbage_is_refused_by_the_device_with_a_one_line_error()
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

    private static int? ActiveSlot(string pty)
    {
        var list = CliRunner.Run("model", "list", "--connect", pty, "--json").Json();
        return list.TryGetProperty("activeSlot", out var slot) ? slot.GetInt32() : null;
    }
}
