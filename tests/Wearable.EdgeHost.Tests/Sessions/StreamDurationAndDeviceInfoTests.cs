using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>Issue 13 item 9: durations and rates by the device clock; a DeviceInfo with nonsense fields is refused.</summary>
public sealed class StreamDurationAndDeviceInfoTests
{
    private static SampleBlock Block(uint sequence, long micros, int samples = 50) =>
        new(StreamKind.Raw, sequence, 1, samples, new short[samples], 1, micros, 0, 0);

    [Fact]
    public void Three_seconds_means_three_seconds_of_device_time_and_rates_are_per_device_second()
    {
        var watch = new StreamDurationWatch(3);
        for (uint b = 0; b < 59; b++)
        {
            watch.OnBlock(Block(b, 7_000_000 + (b * 50_000L)), 1000);
            if (b % 2 == 0)
            {
                watch.OnEvent();
            }
        }

        Assert.False(watch.Elapsed.WaitOne(0), "2.95 s of data is not 3 s");
        watch.OnBlock(Block(59, 7_000_000 + (59 * 50_000L)), 1000);
        Assert.True(watch.Elapsed.WaitOne(0));
        Assert.Equal(3.0, watch.DeviceSeconds, 6);
        Assert.Equal(20.0, watch.BlocksPerSecond, 6);
        Assert.Equal(10.0, watch.EventsPerSecond, 6);
    }

    [Fact]
    public void A_gap_in_the_data_counts_as_time_that_passed()
    {
        var watch = new StreamDurationWatch(1);
        watch.OnBlock(Block(0, 0), 1000);
        watch.OnBlock(Block(30, 1_500_000), 1000);
        Assert.True(watch.Elapsed.WaitOne(0));
        Assert.Equal(1.55, watch.DeviceSeconds, 6);
    }

    [Theory]
    [InlineData(0, 500, 1000, "0 channels")]
    [InlineData(8, 0, 1000, "sample rate of 0 Hz")]
    [InlineData(8, -5, 1000, "sample rate of -5 Hz")]
    [InlineData(8, 10_000_000, 1000, "sample rate of 10000000 Hz")]
    [InlineData(8, 500, -3, "negative scale")]
    public void A_device_info_with_nonsense_fields_is_refused_naming_the_field(int channels, int rate, int nanovolts, string expected)
    {
        var info = new DeviceInfoMessage { ChannelCount = (byte)channels, SampleRateHz = rate, NanovoltsPerLsb = nanovolts };
        var error = Assert.Throws<InvalidDataException>(() => DeviceInfoCheck.Validate(info));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plausible_device_info_passes()
    {
        Assert.Null(DeviceInfoCheck.Problem(new DeviceInfoMessage { ChannelCount = 16, SampleRateHz = 2000, NanovoltsPerLsb = 0 }));
    }
}
