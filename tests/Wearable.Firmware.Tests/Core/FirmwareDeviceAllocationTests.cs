using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Storage;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;
using Wearable.TestSupport;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Firmware.Tests.Core;

/// <summary>The main loop allocates nothing per sample, per streamed block or per handled command frame.</summary>
public sealed class FirmwareDeviceAllocationTests
{
    [Theory]
    [InlineData(LinkStreamKind.Raw)]
    [InlineData(LinkStreamKind.Filtered)]
    public void Streaming_16ch_at_2kHz_allocates_nothing_per_block(LinkStreamKind kind)
    {
        var (device, host, clock) = AuthenticatedTestDevice.Create();
        host.Send(new StartStreamMessage { Kind = kind, BlockSamples = 16, ChannelMask = 0xFFFF });
        device.Poll();
        host.DiscardOutput = true;
        long before = host.BytesWritten;

        // 8 ms of device time per pass = 16 frames = one block.
        AllocationAssert.ZeroBytes(() =>
        {
            clock.Advance(8000);
            device.Poll();
        }, iterations: 2000, what: "FirmwareDevice.Poll while streaming");

        Assert.Equal(kind, device.Stream.Kind);
        Assert.True(device.Stream.BlocksSent >= 2000, $"Only {device.Stream.BlocksSent} blocks were streamed.");
        Assert.True(host.BytesWritten - before > 2000 * 512);
        Assert.Equal(0, device.Ring.FramesDropped);
    }

    [Theory]
    [InlineData(LinkStreamKind.InferenceEvents)]
    [InlineData(LinkStreamKind.Features)]
    public void Streaming_from_the_active_model_allocates_nothing(LinkStreamKind kind)
    {
        var (device, host, clock) = AuthenticatedTestDevice.Create(channels: 8);
        var model = ModelReader.Read(File.ReadAllBytes(RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl")));
        device.Stream.SetModel(new ModelPipeline(model));
        host.Send(new StartStreamMessage { Kind = kind, BlockSamples = kind == LinkStreamKind.Features ? 4 : 16, ChannelMask = 0xFF });
        device.Poll();
        host.DiscardOutput = true;

        AllocationAssert.ZeroBytes(() =>
        {
            clock.Advance(8000);
            device.Poll();
        }, iterations: 2000, what: "FirmwareDevice.Poll while streaming " + kind);

        Assert.Equal(kind, device.Stream.Kind);
        Assert.True(device.Stream.Model!.Decisions >= 300, $"Only {device.Stream.Model.Decisions} decisions were made.");
    }

    [Fact]
    public void Handling_a_command_frame_allocates_nothing()
    {
        var (device, host, _) = AuthenticatedTestDevice.Create();
        var encoder = new LinkEncoder();
        var ping = new byte[LinkProtocol.MaxEncodedFrameLength];
        int length = encoder.Encode(new TimeSyncPingMessage { PingId = 7, HostTimeMicros = 123 }, LinkFlags.None, 1, ping, 0);
        host.DiscardOutput = true;
        long framesBefore = device.Port.FramesSent;

        AllocationAssert.ZeroBytes(() =>
        {
            host.SendRaw(ping, length);
            device.Poll();
        }, iterations: 1000, what: "a TimeSyncPing round trip through the dispatcher");

        Assert.True(device.Port.FramesSent - framesBefore >= 1000);
    }
}
