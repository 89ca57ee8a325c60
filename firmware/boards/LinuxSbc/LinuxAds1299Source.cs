using System.Device.Spi;
using Wearable.Firmware.Afe;
using Wearable.Firmware.Afe.Ads1299;
using Wearable.Firmware.Board;

namespace Wearable.Board.LinuxSbc;

/// <summary>
/// An ADS1299 (or a daisy chain of two) wired to a Linux board's SPI and a GPIO: powers it up with
/// the portable driver, starts conversions, and serves the frames to the firmware core.
/// </summary>
public sealed class LinuxAds1299Source : ISampleSource, IInputScale, IDisposable
{
    private readonly SpidevBus _spi;
    private readonly GpioDataReady _drdy;

    public LinuxAds1299Source(LinuxAds1299Wiring wiring, Ads1299Config config, IDeviceClock clock)
    {
        _spi = new SpidevBus(wiring.SpiBus, wiring.ChipSelect, wiring.SpiClockHz, SpiMode.Mode1);
        try
        {
            Driver = new Ads1299Driver(_spi, new SleepDelay(), config, 4096);
            Driver.PowerUp();
            _drdy = new GpioDataReady(wiring.DataReadyPin, clock, Driver.OnDataReady);
            Driver.StartConversions();
        }
        catch
        {
            _spi.Dispose();
            throw;
        }
    }

    public Ads1299Driver Driver { get; }

    public int Channels => Driver.Channels;

    public int SampleRate => Driver.SampleRate;

    public int NanovoltsPerLsb => Driver.NanovoltsPerLsb;

    public int ReadFrames(short[] buffer, int offset, int maxFrames) => Driver.ReadFrames(buffer, offset, maxFrames);

    public void Dispose()
    {
        Driver.StopConversions();
        _drdy.Dispose();
        _spi.Dispose();
    }
}
