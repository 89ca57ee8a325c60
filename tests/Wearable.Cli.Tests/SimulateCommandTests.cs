namespace Wearable.Cli.Tests;

public class SimulateCommandTests
{
    [Fact]
    public void Measure_streams_through_a_capped_pseudo_terminal_without_loss_and_reports_json()
    {
        var result = CliRunner.Run("simulate", "--fast", "--baud", "921600", "--channels", "8", "--rate", "1000", "--measure", "2", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        Assert.Equal("pty", json.GetProperty("transport").GetString());
        Assert.Equal(80, json.GetProperty("blocksReceived").GetInt64());
        Assert.Equal(0, json.GetProperty("blocksLost").GetInt64());
        Assert.Equal(0, json.GetProperty("ringOverflowFrames").GetInt64());
        Assert.Equal(92160, json.GetProperty("capBytesPerSecond").GetInt32());
    }

    [Fact]
    public void A_configuration_too_big_for_the_board_is_refused_with_the_numbers()
    {
        var result = CliRunner.Run("simulate", "--board", "esp32", "--channels", "16", "--ring-frames", "900", "--measure", "1");

        Assert.Equal(1, result.ExitCode);
        // ring 16 x 900 x 2 = 28 800, blocks 2 976, acquisition 512, link 4 150, front end 1 020
        // (3-section coefficients 60 + 16 channel states 960); no HIL kernels on a real board's profile.
        Assert.Contains("needs 37 458 B, board ESP32 has 32 768 B free for buffers", result.Error);
        Assert.Contains("hint:", result.Error);
    }

    [Fact]
    public void Bad_options_are_one_line_errors()
    {
        var result = CliRunner.Run("simulate", "--transport", "carrier-pigeon", "--measure", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--transport must be pty, tcp; not 'carrier-pigeon'", result.Error);
    }
}
