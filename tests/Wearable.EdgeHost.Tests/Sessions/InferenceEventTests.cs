using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Tests.Sessions;

public sealed class InferenceEventTests
{
    [Fact]
    public async Task Inference_events_from_the_device_reach_the_async_stream_with_host_times()
    {
        using var device = new VirtualDeviceFixture(channels: 2);

        // No periodic pings and no stream: the device's loop stays silent while the test thread sends
        // the frames a model runner would (the port is not meant for two writers at once).
        await using DeviceSession session = await device.OpenPreparedAsync(new DeviceSessionOptions { TimeSyncInterval = TimeSpan.FromHours(1) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new List<InferenceEvent>();
        Task reader = Task.Run(async () =>
        {
            await foreach (InferenceEvent e in session.ReadInferenceEventsAsync(cancel.Token))
            {
                received.Add(e);
                if (received.Count == 3)
                {
                    return;
                }
            }
        });
        await Task.Delay(100); // let the reader subscribe before the events are sent

        long now = device.Board.Clock.Microseconds;
        for (int i = 0; i < 3; i++)
        {
            device.Board.Device.Port.Send(new InferenceEventMessage { EventSequence = (uint)i, ClassId = 4 + i, Score = 16384, TimestampMicros = now + (i * 1000) });
        }

        await reader.WaitAsync(cancel.Token);
        Assert.Equal([4, 5, 6], received.Select(e => e.ClassId));
        Assert.All(received, e => Assert.Equal(0.5, e.Score));
        double wall = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        Assert.All(received, e => Assert.InRange(e.UnixTimestamp, wall - 5, wall + 5));
        Assert.Equal(0.001, received[1].UnixTimestamp - received[0].UnixTimestamp, 4);
        Assert.Equal(3, session.Counters.InferenceEvents);
    }
}
