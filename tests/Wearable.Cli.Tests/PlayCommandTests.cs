using Wearable.Cli.Verbs;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Tests;

public class PlayCommandTests
{
    [Fact]
    public void The_bundled_myo_sample_loads_as_8_channels_at_200_Hz()
    {
        Recording recording = PlayCommand.Load(DemoCommand.BundledSample());
        Assert.Equal(8, recording.Channels);
        Assert.Equal(200, recording.SampleRate);
        Assert.Equal(111872 / 16, recording.Frames);
    }

    [Fact]
    public void An_edf_recorded_by_the_cli_plays_back_with_its_channels_and_rate()
    {
        string path = Path.Combine(Path.GetTempPath(), "wearable-play-" + Guid.NewGuid().ToString("N") + ".edf");
        string config = Directory.CreateTempSubdirectory("wearable-play-keys-").FullName;
        string? previous = Environment.GetEnvironmentVariable("WEARABLE_CONFIG_DIR");
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", config);
        try
        {
            var record = CliRunner.Run("record", "--connect", "sim://?channels=3&rate=250", "--out", path, "--seconds", "1");
            Assert.True(record.ExitCode == 0, record.Error);
            Recording recording = PlayCommand.Load(path);
            Assert.Equal(3, recording.Channels);
            Assert.Equal(250, recording.SampleRate);
            Assert.True(recording.Frames >= 250);
            Assert.Contains(recording.Samples, v => v != 0);
        }
        finally
        {
            Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", previous);
            File.Delete(path);
            Directory.Delete(config, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_format_is_a_user_error()
    {
        string path = Path.GetTempFileName();
        try
        {
            var result = CliRunner.Run("play", path, "--seconds", "0.1");
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("hint:", result.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
