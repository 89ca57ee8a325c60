using Wearable.Firmware.Commands;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Core;

/// <summary>The points where docs/protocol.md and the firmware disagreed, each pinned to what the doc now says.</summary>
public sealed class ProtocolPointsTests
{
    [Fact]
    public void A_time_sync_ping_before_authentication_is_refused_as_the_doc_says()
    {
        var harness = new CoreHarness();
        List<CapturedFrame> frames = harness.Exchange(new TimeSyncPingMessage { PingId = 3 });
        CoreHarness.AssertError(CoreHarness.ResponseTo(frames, 0), LinkErrorCode.NotAuthenticated, LinkMessageType.TimeSyncPing);
    }

    [Fact]
    public void A_marker_is_stamped_with_the_device_clock_echoed_into_the_stream_and_acked_when_asked()
    {
        var harness = new CoreHarness().Authenticate();
        harness.Clock.Advance(123_456);
        long now = harness.Clock.Microseconds;

        int asked = harness.Host.Send(new MarkerMessage { Value = 42, TimestampMicros = -1 }, LinkFlags.AckRequested);
        harness.Device.Poll();
        List<CapturedFrame> frames = harness.Host.TakeFrames();
        AckMessage ack = CoreHarness.ResponseTo(frames, asked).Read(new AckMessage());
        Assert.Equal(LinkMessageType.Marker, ack.AckedType);
        MarkerMessage echo = frames.Single(f => f.Type == LinkMessageType.Marker && !f.IsResponse).Read(new MarkerMessage());
        Assert.Equal(42, echo.Value);
        Assert.Equal(now, echo.TimestampMicros);

        // Without AckRequested: the echo only, no response.
        frames = harness.Exchange(new MarkerMessage { Value = 43 });
        Assert.DoesNotContain(frames, f => f.IsResponse);
        Assert.Equal(43, frames.Single(f => f.Type == LinkMessageType.Marker).Read(new MarkerMessage()).Value);
    }

    [Fact]
    public void An_out_of_order_chunk_is_told_where_to_resume()
    {
        var harness = new CoreHarness(configuration: new Processing.DeviceConfiguration { ValidateModels = false }).Authenticate();
        var data = new byte[300];
        new Random(5).NextBytes(data);
        harness.Exchange(new ModelBeginMessage { Slot = 0, TotalSize = 300, Crc32 = LinkCrc32.Compute(data, 0, 300) });
        var first = new ModelChunkMessage { Offset = 0, DataLength = 100 };
        Array.Copy(data, first.Data, 100);
        Assert.Equal(LinkMessageType.Ack, harness.Exchange(first).Single().Type);

        // The Ack was lost, so the host sends the same chunk again.
        List<CapturedFrame> frames = harness.Exchange(first);
        string detail = CoreHarness.AssertError(frames.Single(), LinkErrorCode.UnexpectedOffset, LinkMessageType.ModelChunk);
        Assert.EndsWith("resume at 100", detail);
        ConfigValueMessage received = harness.Exchange(new ConfigGetMessage { Key = DeviceConfigKey.UploadReceived }).Single().Read(new ConfigValueMessage());
        Assert.Equal(100, received.Value);
    }

    [Fact]
    public void A_calibration_get_with_a_payload_is_malformed()
    {
        var harness = new CoreHarness().Authenticate();
        int sequence = harness.Host.SendPayload(LinkMessageType.CalibrationGet, LinkFlags.None, new byte[3], 3);
        harness.Device.Poll();
        CoreHarness.AssertError(CoreHarness.ResponseTo(harness.Host.TakeFrames(), sequence), LinkErrorCode.MalformedPayload, LinkMessageType.CalibrationGet);
    }

    [Fact]
    public void A_hello_with_a_small_receive_payload_is_honoured_in_everything_the_device_sends()
    {
        var harness = new CoreHarness(channels: 16).Authenticate();
        harness.Host.Send(new HelloMessage { MaxReceivePayload = 64 });
        harness.Device.Poll();
        Assert.True(harness.Host.TryTake(new DeviceInfoMessage()));
        harness.Authenticate();

        // 16 samples x 16 channels would be 528 B: refused with the block size that fits.
        List<CapturedFrame> frames = harness.Exchange(new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 16, ChannelMask = 0xFFFF });
        string detail = CoreHarness.AssertError(frames.Single(), LinkErrorCode.InvalidArgument, LinkMessageType.StartStream);
        Assert.Contains("at most 1 sample", detail);

        // The 16-channel calibration table (132 B) does not fit either; the refusal itself does.
        frames = harness.Exchange(new CalibrationGetMessage());
        CoreHarness.AssertError(frames.Single(), LinkErrorCode.InvalidArgument, LinkMessageType.CalibrationGet);

        // Blocks that fit are streamed, and nothing the device sends is larger than 64 B.
        Assert.Equal(LinkMessageType.Ack, harness.Exchange(new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 3, ChannelMask = 0xFF }).Single().Type);
        for (int i = 0; i < 20; i++)
        {
            harness.Clock.Advance(20_000);
            harness.Device.Poll();
        }

        frames = harness.Host.TakeFrames();
        Assert.True(frames.Count(f => f.Type == LinkMessageType.SampleBlock) >= 10, string.Join("; ", frames));
        Assert.All(frames, f => Assert.True(f.Payload.Length <= 64, $"{f} exceeds the 64 B the host accepts."));
    }

    [Fact]
    public void A_hello_below_the_protocol_minimum_is_refused()
    {
        var harness = new CoreHarness();
        List<CapturedFrame> frames = harness.Exchange(new HelloMessage { MaxReceivePayload = 32 });
        string detail = CoreHarness.AssertError(frames.Single(), LinkErrorCode.InvalidArgument, LinkMessageType.Hello);
        Assert.Contains("64", detail);
        Assert.True(frames.Single().Payload.Length <= LinkPort.MinPeerPayload);
    }
}
