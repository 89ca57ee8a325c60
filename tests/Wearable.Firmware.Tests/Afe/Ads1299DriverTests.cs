using Wearable.Firmware.Afe;
using Wearable.Firmware.Afe.Ads1299;
using Wearable.TestSupport;
using Wearable.VirtualDevice.Afe;

namespace Wearable.Firmware.Tests.Afe;

/// <summary>The portable ADS1299 driver against the simulated chip: bring-up, data path and every fault the board can meet.</summary>
public class Ads1299DriverTests
{
    private const int InputNanovoltsPerLsb = 1000;

    /// <summary>A chain fed a ramp: channel c of frame n is (n * 7 + c * 100) % 2000 - 1000 uV-scale units.</summary>
    private static SimulatedAds1299Chain Chain(int devices, int inputChannels = 16)
    {
        long n = 0;
        return new SimulatedAds1299Chain(devices, inputChannels, InputNanovoltsPerLsb, frame =>
        {
            for (int c = 0; c < frame.Length; c++)
            {
                frame[c] = (short)(((n * 7) + (c * 100)) % 2000 - 1000);
            }

            n++;
        });
    }

    private static (SimulatedAds1299Chain Chip, Ads1299Driver Driver) Running(int devices = 1, Action<Ads1299Config>? configure = null)
    {
        SimulatedAds1299Chain chip = Chain(devices);
        var config = new Ads1299Config(devices) { SampleRate = 1000 };
        configure?.Invoke(config);
        var driver = new Ads1299Driver(chip, chip, config, 64);
        driver.PowerUp();
        driver.StartConversions();
        return (chip, driver);
    }

    private static short[] Drain(Ads1299Driver driver, int frames)
    {
        var buffer = new short[frames * driver.Channels];
        int got = driver.ReadFrames(buffer, 0, frames);
        Assert.Equal(frames, got);
        return buffer;
    }

    [Fact]
    public void Power_up_follows_the_datasheet_and_leaves_the_registers_as_configured()
    {
        var (chip, driver) = Running(configure: c => { c.SampleRate = 500; c.Gains.AsSpan().Fill(12); });

        Assert.Equal(0x3E, driver.DeviceId);
        Assert.Equal(0, chip.CommandsLostToTiming); // waited tPOR and the reset pulse
        Assert.Equal(0, chip.RegisterCommandsIgnoredInRdatac); // sent SDATAC before touching registers
        Assert.Equal(0x90 | 0x40 | 5, chip.Register(0, Ads1299Register.Config1)); // multiple readback, 500 SPS
        Assert.Equal(0xEC, chip.Register(0, Ads1299Register.Config3)); // reference buffer, internal bias reference, bias buffer
        Assert.Equal((5 << 4) | Ads1299Input.Normal, chip.Register(0, Ads1299Register.Channel1Set + 3)); // gain 12, electrodes
        Assert.Equal(Ads1299Register.Misc1Srb1, chip.Register(0, Ads1299Register.Misc1));
        Assert.Equal(0xFF, chip.Register(0, Ads1299Register.BiasSenseP));
    }

    [Fact]
    public void A_driver_that_skips_the_power_on_wait_loses_its_commands_on_the_simulated_chip()
    {
        // The simulator must be able to catch a driver that does not wait: talk to it at t = 0.
        SimulatedAds1299Chain chip = Chain(1);
        chip.TransferFullDuplex(new byte[] { Ads1299Command.StopDataContinuous }, new byte[1], 1);
        Assert.Equal(1, chip.CommandsLostToTiming);
    }

    [Fact]
    public void Rreg_is_ignored_in_rdatac_mode_as_on_the_chip()
    {
        SimulatedAds1299Chain chip = Chain(1);
        chip.WaitMicroseconds(200_000);
        var read = new byte[3];
        chip.TransferFullDuplex(new byte[] { Ads1299Command.ReadRegisters | Ads1299Register.Id, 0, 0 }, read, 3);
        Assert.Equal(0, read[2]);
        Assert.Equal(1, chip.RegisterCommandsIgnoredInRdatac);

        chip.TransferFullDuplex(new byte[] { Ads1299Command.StopDataContinuous }, new byte[1], 1);
        chip.TransferFullDuplex(new byte[] { Ads1299Command.ReadRegisters | Ads1299Register.Id, 0, 0 }, read, 3);
        Assert.Equal(SimulatedAds1299Chain.Ads1299Id, read[2]);
    }

    [Fact]
    public void The_driver_reads_registers_while_converting_by_leaving_and_reentering_rdatac()
    {
        var (chip, driver) = Running();
        Assert.Equal(0x3E, driver.ReadRegister(Ads1299Register.Id));
        Assert.Equal(0, chip.RegisterCommandsIgnoredInRdatac);

        chip.Advance(chip.NowMicroseconds + 5_000, driver.OnDataReady);
        Assert.Equal(5, driver.FramesRead);
    }

    [Fact]
    public void Samples_arrive_at_the_data_rate_with_the_physical_scale_kept()
    {
        var (chip, driver) = Running();
        long start = chip.NowMicroseconds;
        chip.Advance(start + 50_000, driver.OnDataReady);

        Assert.Equal(50, chip.Conversions);
        Assert.Equal(50, driver.FramesRead);
        short[] samples = Drain(driver, 50);
        // Gain 24 and shift 5: one output step is 4.5 V / 24 / 2^23 * 32 = 715.26 nV.
        Assert.Equal(715, driver.NanovoltsPerLsb);
        for (int f = 0; f < 50; f++)
        {
            for (int c = 0; c < 8; c++)
            {
                double inputNanovolts = (((f * 7) + (c * 100)) % 2000 - 1000) * (double)InputNanovoltsPerLsb;
                double expected = inputNanovolts / 715.2557;
                Assert.InRange(samples[(f * 8) + c], expected - 1, expected + 1);
            }
        }
    }

    [Fact]
    public void The_internal_test_signal_is_a_square_wave_of_the_datasheet_amplitude()
    {
        var (chip, driver) = Running(configure: c =>
        {
            c.TestSignal = true;
            c.OutputShift = 8;
            c.Gains.AsSpan().Fill(1);
            c.Inputs.AsSpan().Fill(Ads1299Input.TestSignal);
        });
        var samples = new short[64 * 8];
        var highs = new HashSet<short>();
        for (int step = 0; step < 42; step++)
        {
            chip.Advance(chip.NowMicroseconds + 50_000, driver.OnDataReady);
            int n = driver.ReadFrames(samples, 0, 64);
            for (int i = 0; i < n * 8; i++)
            {
                highs.Add(samples[i]);
            }
        }

        Assert.Equal(0, driver.OverrunFrames);

        // 4.5 V / 2400 = 1.875 mV at gain 1; one shift-8 step is 4.5 V / 2^23 * 256 = 137.3 uV -> +/-13.65 steps.
        Assert.Equal(new short[] { -14, 14 }.ToHashSet(), highs);
    }

    [Fact]
    public void Shorted_inputs_read_zero_whatever_the_electrodes_carry()
    {
        var (chip, driver) = Running(configure: c => c.Inputs.AsSpan().Fill(Ads1299Input.Shorted));
        chip.Advance(chip.NowMicroseconds + 10_000, driver.OnDataReady);
        Assert.All(Drain(driver, 10), s => Assert.Equal(0, s));
    }

    [Theory]
    [InlineData((byte)0xFF)]
    [InlineData((byte)0x00)]
    public void No_chip_on_the_bus_is_a_clear_error(byte floating)
    {
        SimulatedAds1299Chain chip = Chain(1);
        chip.Absent = floating;
        var driver = new Ads1299Driver(chip, chip, new Ads1299Config(1), 8);
        var ex = Assert.Throws<AfeException>(driver.PowerUp);
        Assert.Contains("No ADS1299 answers", ex.Message);
        Assert.Contains("0x" + floating.ToString("X2"), ex.Message);
        Assert.Contains("check the chip's power", ex.Message);
    }

    [Fact]
    public void A_corrupted_register_read_back_is_a_clear_error_naming_the_register()
    {
        // The ID read succeeds; the read-back after the writes comes back with a bit flipped.
        SimulatedAds1299Chain chip = Chain(1);
        var driver = new Ads1299Driver(new CorruptAfterIdRead(chip), chip, new Ads1299Config(1), 8);
        var ex = Assert.Throws<AfeException>(driver.PowerUp);
        Assert.Contains("register 0x01 reads 0x", ex.Message);
        Assert.Contains("SPI mode 1", ex.Message);
    }

    [Fact]
    public void Corrupted_frames_are_dropped_and_counted_and_a_run_of_them_reports_a_fault()
    {
        var (chip, driver) = Running();
        chip.CorruptNextFrames(3);
        chip.Advance(chip.NowMicroseconds + 10_000, driver.OnDataReady);
        Assert.Equal(3, driver.CorruptFrames);
        Assert.Equal(7, driver.FramesRead);
        Assert.Null(driver.Fault);

        chip.CorruptNextFrames(Ads1299Driver.CorruptFramesBeforeFault);
        chip.Advance(chip.NowMicroseconds + (Ads1299Driver.CorruptFramesBeforeFault * 1000), driver.OnDataReady);
        Assert.NotNull(driver.Fault);
        Assert.Contains("sync nibble", driver.Fault);
    }

    [Fact]
    public void Missed_drdy_edges_are_counted_from_the_edge_interval()
    {
        var (chip, driver) = Running();
        chip.Advance(chip.NowMicroseconds + 5_000, driver.OnDataReady);
        chip.MissNextDataReadyEdges(3);
        chip.Advance(chip.NowMicroseconds + 10_000, driver.OnDataReady);
        Assert.Equal(3, driver.MissedFrames);
        Assert.Equal(12, driver.FramesRead);
        Assert.Equal(15, chip.Conversions);
    }

    [Fact]
    public void A_queue_the_core_does_not_drain_counts_overruns_instead_of_overwriting()
    {
        var (chip, driver) = Running();
        chip.Advance(chip.NowMicroseconds + 100_000, driver.OnDataReady);
        Assert.Equal(64, driver.FramesRead);
        Assert.Equal(36, driver.OverrunFrames);
        short[] first = Drain(driver, 1);
        Assert.Equal(-1000 * InputNanovoltsPerLsb / 715.2557, first[0], 1.0); // the oldest frame survives
    }

    [Fact]
    public void A_daisy_chain_delivers_sixteen_channels_and_a_missing_second_chip_is_a_named_fault()
    {
        var (chip, driver) = Running(devices: 2);
        Assert.Equal(16, driver.Channels);
        Assert.Equal(0x90 | 4, chip.Register(1, Ads1299Register.Config1)); // daisy mode (bit 6 clear) on both chips, 1000 SPS
        chip.Advance(chip.NowMicroseconds + 3_000, driver.OnDataReady);
        short[] frame = Drain(driver, 3);
        for (int c = 0; c < 16; c++)
        {
            double expected = (((2 * 7) + (c * 100)) % 2000 - 1000) * (double)InputNanovoltsPerLsb / 715.2557;
            Assert.InRange(frame[(2 * 16) + c], expected - 1, expected + 1);
        }

        chip.SecondChipAbsent = true;
        chip.Advance(chip.NowMicroseconds + (Ads1299Driver.CorruptFramesBeforeFault * 1000), driver.OnDataReady);
        Assert.NotNull(driver.Fault);
        Assert.Contains("ADS1299 #2 of the daisy chain", driver.Fault);
    }

    [Fact]
    public void Daisy_chained_chips_must_share_one_setup()
    {
        var config = new Ads1299Config(2);
        config.Inputs[9] = Ads1299Input.Shorted;
        var ex = Assert.Throws<ArgumentException>(() => new Ads1299Driver(Chain(2), Chain(2), config, 8));
        Assert.Contains("channel 10 must be set up like channel 2", ex.Message);
    }

    [Fact]
    public void Lead_off_status_names_the_channel_whose_electrode_came_off()
    {
        var (chip, driver) = Running(configure: c => { c.LeadOffDetection = true; c.LeadOffCurrentCode = 1; });
        chip.Advance(chip.NowMicroseconds + 2_000, driver.OnDataReady);
        Assert.Equal(0, driver.LeadOffPositive);
        chip.ElectrodeOff[2] = true;
        chip.Advance(chip.NowMicroseconds + 2_000, driver.OnDataReady);
        Assert.Equal(1 << 2, driver.LeadOffPositive);
        Assert.Equal(0xFF, chip.Register(0, Ads1299Register.LeadOffSenseP));
    }

    [Theory]
    [InlineData(300, "SampleRate 300")]
    [InlineData(250, null)]
    public void Configuration_errors_name_the_field(int rate, string? message)
    {
        var config = new Ads1299Config(1) { SampleRate = rate };
        if (message is null)
        {
            config.Validate();
            return;
        }

        var ex = Assert.Throws<ArgumentException>(config.Validate);
        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData(0x7FFFFF, 0, 32767)]
    [InlineData(-0x800000, 0, -32768)]
    [InlineData(0x000F, 4, 1)]
    [InlineData(0x0017, 4, 1)]
    [InlineData(0x0018, 4, 2)]
    [InlineData(-0x0018, 4, -1)]
    public void Codes_become_samples_with_rounding_and_saturation(int code, int shift, int expected)
    {
        Assert.Equal((short)expected, Ads1299Frame.ToSample(code, shift));
    }

    [Fact]
    public void Int24_decoding_is_twos_complement_most_significant_byte_first()
    {
        Assert.Equal(-1, Ads1299Frame.Int24(new byte[] { 0xFF, 0xFF, 0xFF }, 0));
        Assert.Equal(-0x800000, Ads1299Frame.Int24(new byte[] { 0x80, 0x00, 0x00 }, 0));
        Assert.Equal(0x123456, Ads1299Frame.Int24(new byte[] { 0x12, 0x34, 0x56 }, 0));
    }

    [Fact]
    public void The_per_frame_path_allocates_nothing()
    {
        var (chip, driver) = Running(devices: 2);
        var buffer = new short[16 * 64];
        Action<long> onDataReady = driver.OnDataReady;
        chip.Advance(chip.NowMicroseconds + 50_000, onDataReady);
        driver.ReadFrames(buffer, 0, 64);
        AllocationAssert.ZeroBytes(() =>
        {
            chip.Advance(chip.NowMicroseconds + 32_000, onDataReady);
            driver.ReadFrames(buffer, 0, 64);
        });
        Assert.Equal(0, driver.CorruptFrames);
        Assert.Equal(0, driver.OverrunFrames);
    }

    /// <summary>Passes the ID read through and flips a bit in every later register read.</summary>
    private sealed class CorruptAfterIdRead(SimulatedAds1299Chain chip) : ISpiBus
    {
        private int _reads;

        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            chip.TransferFullDuplex(write, read, count);
            bool isRead = write[0] >= Ads1299Command.ReadRegisters && write[0] < Ads1299Command.WriteRegisters;
            if (isRead && _reads++ > 0)
            {
                read[2] ^= 0x01;
            }
        }
    }
}
