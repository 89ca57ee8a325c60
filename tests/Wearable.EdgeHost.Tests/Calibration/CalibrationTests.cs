using Wearable.EdgeHost.Calibration;
using Wearable.EdgeHost.Sessions;
using Wearable.EdgeHost.Tests.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Tests.Calibration;

public sealed class CalibrationTests
{
    [Theory]
    [InlineData(50.0, 1000.0, 20.0)]
    [InlineData(60.0, 2000.0, 3.5)]
    public void Goertzel_gives_a_sines_mean_power(double frequency, double rate, double amplitude)
    {
        int n = (int)rate; // one second: whole periods of both mains frequencies
        var x = Enumerable.Range(0, n).Select(i => amplitude * Math.Sin((2 * Math.PI * frequency * i / rate) + 0.3)).ToArray();
        Assert.Equal(amplitude * amplitude / 2, Goertzel.Power(x, frequency, rate), 6);
        Assert.True(Goertzel.Power(x, frequency + 7, rate) < amplitude * amplitude / 2 * 1e-3);
    }

    [Fact]
    public void Contact_check_tells_good_mains_and_flat_channels_apart()
    {
        const double Rate = 250;
        var random = new Random(3);
        double[] Noise(double sigma) => Enumerable.Range(0, 500).Select(_ => sigma * Gaussian(random)).ToArray();
        double[] good = Noise(8);
        double[] mains = Noise(8).Select((v, i) => v + (40 * Math.Sin(2 * Math.PI * 50 * i / Rate))).ToArray();
        double[] flat = Enumerable.Repeat(12.0, 500).ToArray();
        double[] hum60 = Noise(5).Select((v, i) => v + (25 * Math.Sin(2 * Math.PI * 60 * i / Rate))).ToArray();

        EegChannelContact[] result = EegContactCheck.Check([good, mains, flat, hum60], Rate);

        Assert.Equal([ContactQuality.Good, ContactQuality.MainsNoise, ContactQuality.FlatLine, ContactQuality.MainsNoise], result.Select(r => r.Quality));
        // The sine's RMS, give or take the noise that falls in the same bin (about 0.3 uV here).
        Assert.InRange(result[1].Mains50Microvolts, (40 / Math.Sqrt(2)) - 1, (40 / Math.Sqrt(2)) + 1);
        Assert.InRange(result[3].Mains60Microvolts, (25 / Math.Sqrt(2)) - 1, (25 / Math.Sqrt(2)) + 1);
        Assert.Equal(1.0, result[2].FlatFraction);
    }

    [Fact]
    public void Emg_calibration_normalises_mvc_and_sets_the_noise_floor()
    {
        var random = new Random(5);
        double[][] rest = [Enumerable.Range(0, 2000).Select(_ => 100 + (5 * Gaussian(random))).ToArray(), Enumerable.Range(0, 2000).Select(_ => 2 * Gaussian(random)).ToArray()];
        double[][] mvc = [Enumerable.Range(0, 2000).Select(_ => 100 + (400 * Gaussian(random))).ToArray(), Enumerable.Range(0, 2000).Select(_ => 50 * Gaussian(random)).ToArray()];

        EmgChannelCalibration[] channels = EmgCalibration.Compute(rest, mvc, microvoltsPerCount: 0.5);

        Assert.Equal(5, channels[0].RestRmsMicrovolts, 0);
        Assert.InRange(channels[0].MvcRmsMicrovolts, 380, 420);
        Assert.InRange(channels[0].OffsetCounts, 199, 201);

        // The MVC RMS in counts (µV / 0.5) times the gain lands on the target for every channel.
        foreach (EmgChannelCalibration c in channels)
        {
            double normalised = c.MvcRmsMicrovolts / 0.5 * c.GainQ16 / CalibrationMessage.UnityGain;
            Assert.Equal(EmgCalibration.TargetMvcCounts, normalised, 0);
            Assert.Equal(Math.Round(3 * c.RestRmsMicrovolts / 0.5), c.NoiseThresholdCounts);
        }

        Assert.True(channels[1].GainQ16 > channels[0].GainQ16, "the weaker channel gets more gain");
    }

    [Fact]
    public void Results_are_saved_and_loaded_from_the_config_dir()
    {
        string dir = Directory.CreateTempSubdirectory("wearable-cal-").FullName;
        try
        {
            var store = new CalibrationResults(dir);
            var record = new CalibrationRecord("abcdef01", "eeg", DateTimeOffset.UnixEpoch, 256, null, [new EegChannelContact(0, ContactQuality.MainsNoise, 12, 30, 1, 0.1)]);
            string path = store.Save(record);
            Assert.StartsWith(dir, path);
            CalibrationRecord loaded = store.Load("abcdef01", "eeg")!;
            Assert.Equal(ContactQuality.MainsNoise, loaded.Eeg![0].Quality);
            Assert.Equal(30, loaded.Eeg[0].Mains50Microvolts);
            Assert.Null(store.Load("abcdef01", "emg"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Calibration_pushed_through_a_session_is_what_the_device_keeps()
    {
        using var device = new VirtualDeviceFixture(channels: 3);
        await using DeviceSession session = await device.OpenPreparedAsync();
        EmgChannelCalibration[] sent = [
            new EmgChannelCalibration(0, 1, 10, 0, 70000, 5, 30),
            new EmgChannelCalibration(1, 1, 10, 0, 65536, -7, 12),
            new EmgChannelCalibration(2, 1, 10, 0, 123456, 0, 0)];
        await session.SendCalibrationAsync(sent);

        DeviceChannelCalibration[] back = await session.ReadCalibrationAsync();
        Assert.Equal(sent.Select(c => new DeviceChannelCalibration(c.GainQ16, c.OffsetCounts, c.NoiseThresholdCounts)), back);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
