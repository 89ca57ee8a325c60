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
    [InlineData("--rate", "300", "is not an ADS1299 data rate")]
    [InlineData("--gain", "3", "is not an ADS1299 gain")]
    [InlineData("--spi", "zero", "--spi must be BUS.CS")]
    [InlineData("--drdy-pin", "99", "--drdy-pin must be a BCM GPIO number")]
    [InlineData("--spi-clock", "20000000", "--spi-clock must be 100000..4000000 Hz")]
    [InlineData("--chips", "3", "--chips must be 1 or 2")]
    public void Bad_settings_are_refused_before_touching_the_hardware(string option, string value, string message)
    {
        var r = CliRunner.Run("device", "run", "--board", "linux-ads1299", option, value);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Error);
        Assert.DoesNotContain("spidev0.0 does not exist", r.Error);
    }

    [Fact]
    public void Boards_that_are_flashed_are_pointed_to_the_docs()
    {
        var r = CliRunner.Run("device", "run", "--board", "esp32");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("docs/boards.md", r.Error);
    }
}
