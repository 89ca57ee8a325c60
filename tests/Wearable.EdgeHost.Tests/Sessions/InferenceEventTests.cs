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

        // The first MoveNextAsync runs the reader up to its first await, which subscribes it: done on
        // this thread before sending, so no event can go out before anyone listens (a delay was racy under load).
        await using IAsyncEnumerator<InferenceEvent> events = session.ReadInferenceEventsAsync(cancel.Token).GetAsyncEnumerator();
        ValueTask<bool> first = events.MoveNextAsync();

        long now = device.Board.Clock.Microseconds;
        for (int i = 0; i < 3; i++)
        {
            device.Board.Device.Port.Send(new InferenceEventMessage { EventSequence = (uint)i, ClassId = 4 + i, Score = 16384, TimestampMicros = now + (i * 1000) });
        }

        var received = new List<InferenceEvent>();
        while (received.Count < 3)
        {
            Assert.True(received.Count == 0 ? await first : await events.MoveNextAsync(), "the event stream ended after " + received.Count + " events");
            received.Add(events.Current);
        }

        Assert.Equal([4, 5, 6], received.Select(e => e.ClassId));
        Assert.All(received, e => Assert.Equal(0.5, e.Score));
        double wall = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        Assert.All(received, e => Assert.InRange(e.UnixTimestamp, wall - 5, wall + 5));
        Assert.Equal(0.001, received[1].UnixTimestamp - received[0].UnixTimestamp, 4);
        Assert.Equal(3, session.Counters.InferenceEvents);
    }
}
