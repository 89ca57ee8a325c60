using Wearable.Firmware.Board;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Afe;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Firmware.Tests.Afe;

/// <summary>The virtual board's ADS1299 path: the electrodes' signal reaches the core through SPI bytes and the real driver.</summary>
public class SimulatedAfeSourceTests
{
    private sealed class ManualClock : IDeviceClock
    {
        public long Microseconds { get; set; }
    }

    [Theory]
    [InlineData(8, 2000)]
    [InlineData(16, 1000)]
    [InlineData(4, 250)]
    public void The_core_reads_the_electrode_signal_through_the_driver_at_the_reported_scale(int channels, int rate)
    {
        var clock = new ManualClock();
        var direct = new SyntheticSource(clock, channels, rate, seed: 3);
        var throughChip = new SimulatedAfeSource(clock, new SyntheticSource(clock, channels, rate, seed: 3), VirtualBoard.SourceNanovoltsPerLsb);

        clock.Microseconds = 250_000;
        var viaDriver = new short[2048 * channels];
        int got = throughChip.ReadFrames(viaDriver, 0, 2048);
        Assert.Equal(rate / 4, got);
        Assert.Equal(0, throughChip.Driver.CorruptFrames + throughChip.Driver.MissedFrames + throughChip.Driver.OverrunFrames);

        var expected = new short[channels];
        // The true step is 4.5 V / 24 / 2^23 * 2^5; the reported whole-nanovolt scale is within 0.05 % of it.
        double trueStep = 4.5e9 / 24 / (1 << 23) * 32;
        Assert.InRange(throughChip.Driver.NanovoltsPerLsb, trueStep * 0.9995, trueStep * 1.0005);
        double scale = VirtualBoard.SourceNanovoltsPerLsb / trueStep;
        for (int f = 0; f < got; f++)
        {
            direct.NextUnclockedFrame(expected);
            for (int c = 0; c < channels; c++)
            {
                Assert.InRange(viaDriver[(f * channels) + c], (expected[c] * scale) - 1.01, (expected[c] * scale) + 1.01);
            }
        }
    }

    [Fact]
    public void A_rate_the_chip_cannot_convert_at_is_refused_with_the_rates_it_can()
    {
        var clock = new ManualClock();
        var ex = Assert.Throws<ArgumentException>(() => new SimulatedAfeSource(clock, new SyntheticSource(clock, 8, 200, 1), 1000));
        Assert.Contains("250, 500, 1000", ex.Message);
    }

    [Fact]
    public void The_virtual_device_option_wires_the_chip_and_reports_its_scale()
    {
        var options = VirtualDeviceOptions.Parse(new[] { "--afe", "ads1299", "--transport", "tcp", "--channels", "8", "--rate", "1000", "--quiet", "--fast" });
        using var board = new VirtualBoard(options);
        Assert.NotNull(board.Afe);
        Assert.Equal(0x3E, board.Afe!.Driver.DeviceId);
        Assert.Throws<ArgumentException>(() => VirtualDeviceOptions.Parse(new[] { "--afe", "ads1298" }));
    }
}
