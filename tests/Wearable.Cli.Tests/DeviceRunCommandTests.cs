namespace Wearable.Cli.Tests;

/// <summary>`wearable device run`: what a person with a Linux board and an ADS1299 sees when something is not right.</summary>
public class DeviceRunCommandTests
{
    [Fact]
    public void A_missing_spidev_says_how_to_enable_spi()
    {
        // spidev 9.7 exists on no board this runs on.
        var r = CliRunner.Run("device", "run", "--board", "linux-ads1299", "--spi", "9.7", "--drdy-pin", "25", "--tcp", "0");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("/dev/spidev9.7 does not exist", r.Error);
        Assert.Contains("enable SPI", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Theory]
    [InlineData("--rate", "300", "--rate must be one of 250, 500, 1000")]
    [InlineData("--gain", "3", "--gain must be one of 1, 2, 4, 6, 8, 12, 24")]
    [InlineData("--spi", "zero", "--spi: 'zero' is not BUS.CS")]
    [InlineData("--drdy-pin", "99", "--drdy-pin")]
    [InlineData("--spi-clock", "20000000", "--spi-clock")]
    [InlineData("--chips", "3", "--chips")]
    public void Bad_settings_are_refused_before_touching_the_hardware(string option, string value, string message)
    {
        var r = CliRunner.Run("device", "run", "--board", "linux-ads1299", option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.DoesNotContain("spidev0.0 does not exist", r.Error);
    }

    [Fact]
    public void Boards_that_are_flashed_are_refused_with_the_one_this_verb_runs()
    {
        var r = CliRunner.Run("device", "run", "--board", "esp32");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--board must be linux-ads1299", r.Error);
    }
}
