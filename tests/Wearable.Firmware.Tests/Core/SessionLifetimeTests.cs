using Wearable.Firmware.Processing;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Core;

/// <summary>Authentication belongs to one connection: a peer change reported by the transport ends the session.</summary>
public sealed class SessionLifetimeTests
{
    [Fact]
    public void A_new_peer_finds_no_session_no_stream_and_no_half_done_upload()
    {
        var harness = new CoreHarness(configuration: new DeviceConfiguration { ValidateModels = false }).Authenticate();
        Assert.Equal(LinkMessageType.Ack, harness.Exchange(new ModelBeginMessage { Slot = 0, TotalSize = 100, Crc32 = 1 }).Single().Type);
        Assert.True(harness.Device.Slots.Uploading);

        harness.Host.ChangePeer();
        int ended = harness.Device.SessionsEnded;
        harness.Device.Poll();

        Assert.Equal(ended + 1, harness.Device.SessionsEnded);
        Assert.False(harness.Device.IsAuthenticated);
        Assert.False(harness.Device.Slots.Uploading);
        foreach (ILinkMessage privileged in new ILinkMessage[]
        {
            new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 8, ChannelMask = 0xF },
            new ModelChunkMessage { Offset = 0, DataLength = 10 },
            new CalibrationGetMessage(),
        })
        {
            int sequence = harness.Host.Send(privileged, LinkFlags.None);
            harness.Device.Poll();
            CoreHarness.AssertError(CoreHarness.ResponseTo(harness.Host.TakeFrames(), sequence), LinkErrorCode.NotAuthenticated, privileged.MessageType);
        }
    }

    [Fact]
    public void Bytes_read_in_the_same_pass_as_a_peer_change_belong_to_the_new_peer()
    {
        var harness = new CoreHarness().Authenticate();

        // The transport reports the change before the new peer's first byte is readable.
        harness.Host.ChangePeer();
        int sequence = harness.Host.Send(new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 8, ChannelMask = 0xF }, LinkFlags.None);
        harness.Device.Poll();

        CoreHarness.AssertError(CoreHarness.ResponseTo(harness.Host.TakeFrames(), sequence), LinkErrorCode.NotAuthenticated, LinkMessageType.StartStream);
        Assert.False(harness.Device.Stream.Streaming);
    }

    [Fact]
    public void A_streaming_session_stops_when_its_peer_goes_away()
    {
        var harness = new CoreHarness().Authenticate();
        harness.Exchange(new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 8, ChannelMask = 0xF });
        Assert.True(harness.Device.Stream.Streaming);

        harness.Host.ChangePeer();
        harness.Device.Poll();

        Assert.False(harness.Device.Stream.Streaming);
        Assert.False(harness.Device.IsAuthenticated);
    }
}
