using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Tests.Sessions;

public class DeviceClockMapperTests
{
    private const double Epoch = 1_790_000_000.0;

    [Fact]
    public void Recovers_offset_and_drift_from_symmetric_exchanges()
    {
        const double drift = 50e-6; // the device clock runs 50 ppm slow
        var mapper = new DeviceClockMapper();
        for (int i = 0; i < 20; i++)
        {
            double hostMid = Epoch + i * 1.0;
            long device = (long)((hostMid - Epoch) * 1e6 * (1 - drift)) + 123_456;
            mapper.AddExchange(hostMid - 0.001, device, hostMid + 0.001);
        }

        long later = (long)(30.0 * 1e6 * (1 - drift)) + 123_456;
        Assert.Equal(Epoch + 30.0, mapper.ToUnixSeconds(later), 6);
        Assert.InRange(mapper.DriftPpm, 49, 51);
    }

    [Fact]
    public void Delayed_exchanges_are_rejected_so_they_do_not_bias_the_offset()
    {
        var mapper = new DeviceClockMapper();
        mapper.AddExchange(Epoch, 0, Epoch + 0.002);
        mapper.AddExchange(Epoch + 1, 1_000_000, Epoch + 1.002);

        // The reply sat in a queue for 200 ms: its midpoint would be 100 ms off.
        bool accepted = mapper.AddExchange(Epoch + 2, 2_000_000, Epoch + 2.2);

        Assert.False(accepted);
        Assert.Equal(Epoch + 3.001, mapper.ToUnixSeconds(3_000_000), 4);
    }

    [Fact]
    public void Mapping_before_any_exchange_says_what_to_do()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new DeviceClockMapper().ToUnixSeconds(0));
        Assert.Contains("AddExchange", error.Message);
    }

    [Fact]
    public void A_burst_of_jittery_exchanges_a_few_ms_apart_keeps_the_nominal_rate()
    {
        // Five pings at connect, 1 ms apart, with +-0.3 ms of asymmetric delay: fitting a slope to that
        // would put the clock rate off by tens of percent.
        var mapper = new DeviceClockMapper();
        double[] jitter = [0.0003, -0.0002, 0.0003, -0.0003, 0.0001];
        for (int i = 0; i < 5; i++)
        {
            double hostMid = Epoch + (i * 0.001);
            mapper.AddExchange(hostMid - 0.0002 + jitter[i], 5_000 + (i * 1000), hostMid + 0.0002 + jitter[i]);
        }

        Assert.Equal(0, mapper.DriftPpm, 6);
        Assert.Equal(1.0, mapper.ToUnixSeconds(1_005_000) - mapper.ToUnixSeconds(5_000), 9);
    }

    [Fact]
    public async Task Exchanges_added_on_one_thread_while_another_maps_timestamps_never_corrupt_the_fit()
    {
        // The session's time sync adds exchanges while its receive thread maps block timestamps.
        var mapper = new DeviceClockMapper(window: 8);
        mapper.AddExchange(Epoch, 0, Epoch + 0.001);
        const int Exchanges = 20_000;
        var adding = Task.Factory.StartNew(
            () =>
            {
                for (int i = 1; i <= Exchanges; i++)
                {
                    mapper.AddExchange(Epoch + i, i * 1_000_000L, Epoch + i + 0.001);
                }
            },
            TaskCreationOptions.LongRunning);

        double last = 0;
        while (!adding.IsCompleted)
        {
            last = mapper.ToUnixSeconds(0) + mapper.BestRoundTripSeconds + mapper.DriftPpm;
            Assert.False(double.IsNaN(last));
        }

        await adding; // rethrows "collection was modified" from an unlocked fit
        Assert.Equal(Epoch + Exchanges + 0.0005, mapper.ToUnixSeconds(Exchanges * 1_000_000L), 6);
    }
}
