namespace Wearable.Board.LinuxSbc;

/// <summary>Where the ADS1299 sits on the Linux board: spidev bus and chip-select line, SPI clock, the DRDY GPIO (BCM number).</summary>
public sealed record LinuxAds1299Wiring(int SpiBus, int ChipSelect, int DataReadyPin, int SpiClockHz)
{
    /// <summary>The wiring for "--spi BUS.CS" (as in /dev/spidevBUS.CS) and a DRDY pin; throws ArgumentException saying what is wrong.</summary>
    public static LinuxAds1299Wiring Parse(string spi, int dataReadyPin, int spiClockHz)
    {
        string[] parts = spi.Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int bus) || !int.TryParse(parts[1], out int cs) || bus < 0 || cs < 0)
        {
            throw new ArgumentException($"--spi must be BUS.CS as in /dev/spidevBUS.CS (e.g. 0.0), not '{spi}'.");
        }

        if (dataReadyPin is < 0 or > 63)
        {
            throw new ArgumentException($"--drdy-pin must be a BCM GPIO number 0..63, not {dataReadyPin}.");
        }

        if (spiClockHz is < 100_000 or > 4_000_000)
        {
            throw new ArgumentException($"--spi-clock must be 100000..4000000 Hz (the ADS1299 decodes a command byte in 4 of its clocks), not {spiClockHz}.");
        }

        return new LinuxAds1299Wiring(bus, cs, dataReadyPin, spiClockHz);
    }
}
