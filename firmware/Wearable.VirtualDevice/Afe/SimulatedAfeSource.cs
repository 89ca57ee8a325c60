using Wearable.Firmware.Afe;
using Wearable.Firmware.Afe.Ads1299;
using Wearable.Firmware.Board;
using Wearable.VirtualDevice.Sources;

namespace Wearable.VirtualDevice.Afe;

/// <summary>
/// The virtual board's sample source when it models an ADS1299 board: the electrodes' signal (a
/// synthetic or recorded source) feeds a simulated chip, and the firmware core reads it through the
/// same portable <see cref="Ads1299Driver"/> a real board runs, so SPI bytes -> driver -> core -> link
/// are exercised end to end. The board loop's reads stand in for DRDY interrupts: each read first
/// lets the chip convert up to the device clock and delivers the DRDY edges that came due.
/// </summary>
public sealed class SimulatedAfeSource : ISampleSource, IInputScale
{
    private readonly IDeviceClock _clock;
    private readonly SimulatedAds1299Chain _chip;
    private readonly Action<long> _onDataReady;
    private readonly long _chipTimeOffset;
    private readonly ClockedSource _electrodes;
    private long _delivered;

    public SimulatedAfeSource(IDeviceClock clock, ClockedSource electrodes, int electrodeNanovoltsPerLsb)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentNullException.ThrowIfNull(electrodes);
        if (electrodes.Channels > Ads1299Config.ChannelsPerDevice * Ads1299Config.MaxDevices)
        {
            throw new ArgumentException($"An ADS1299 chain reads at most 16 channels; the source has {electrodes.Channels}.");
        }

        if (Ads1299Config.RateCode(electrodes.SampleRate) < 0)
        {
            throw new ArgumentException($"An ADS1299 converts at 250, 500, 1000, 2000, 4000, 8000 or 16000 SPS, not {electrodes.SampleRate} Hz: pick one of those with --rate.");
        }

        int devices = electrodes.Channels > Ads1299Config.ChannelsPerDevice ? 2 : 1;
        _chip = new SimulatedAds1299Chain(devices, electrodes.Channels, electrodeNanovoltsPerLsb, electrodes.NextUnclockedFrame);
        var config = new Ads1299Config(devices) { SampleRate = electrodes.SampleRate };
        for (int ch = electrodes.Channels; ch < config.Channels; ch++)
        {
            // Daisy chains are set up alike (see Ads1299Driver): unused channels are powered down only on a single chip.
            if (devices == 1)
            {
                config.PoweredDown[ch] = true;
            }
        }

        Driver = new Ads1299Driver(_chip, _chip, config, 1024);
        Driver.PowerUp();
        Driver.StartConversions();
        Channels = electrodes.Channels;
        _electrodes = electrodes;
        _onDataReady = Driver.OnDataReady;
        _chipTimeOffset = _chip.NowMicroseconds - clock.Microseconds;
        _scratch = new short[1024 * config.Channels];
    }

    private readonly short[] _scratch;

    /// <summary>The driver the firmware core reads through (its counters and lead-off status).</summary>
    public Ads1299Driver Driver { get; }

    public int Channels { get; }

    public int NanovoltsPerLsb => Driver.NanovoltsPerLsb;

    public int SampleRate => Driver.SampleRate;

    public int ReadFrames(short[] buffer, int offset, int maxFrames)
    {
        _chip.Advance(_clock.Microseconds + _chipTimeOffset, _onDataReady);
        int n = Channels == Driver.Channels ? Driver.ReadFrames(buffer, offset, maxFrames) : ReadWiredChannels(buffer, offset, maxFrames);
        if (n > 0)
        {
            // Latency benches time samples from the moment they enter the device, as with a direct source.
            _delivered += n;
            _electrodes.EntryLog?.Record(_delivered);
        }

        return n;
    }

    private int ReadWiredChannels(short[] buffer, int offset, int maxFrames)
    {
        // A chip wider than the electrodes: hand the core only the wired channels.
        int n = Driver.ReadFrames(_scratch, 0, Math.Min(maxFrames, 1024));
        for (int f = 0; f < n; f++)
        {
            Array.Copy(_scratch, f * Driver.Channels, buffer, offset + (f * Channels), Channels);
        }

        return n;
    }
}
