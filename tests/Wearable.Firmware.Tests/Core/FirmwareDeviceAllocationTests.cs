using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;
using Wearable.TestSupport;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Firmware.Tests.Core;

/// <summary>The main loop allocates nothing per sample, per streamed block or per handled command frame.</summary>
public sealed class FirmwareDeviceAllocationTests
{
    private static (FirmwareDevice Device, ScriptedHost Host, VirtualClock Clock) AuthenticatedDevice(int channels = 16)
    {
        var clock = VirtualClock.Fast();
        var host = new ScriptedHost();
        var board = new DeviceBoard(
            BoardProfile.Esp32(),
            new byte[16],
            new SyntheticSource(clock, channels, 2000, 3),
            host,
            clock,
            new FlashFile(null, 4096, 2, 1024, 8),
            new SilentStatus(),
            new AlwaysOpenButton(),
            new SystemEntropy());
        var device = new FirmwareDevice(board, new DeviceConfiguration());
        device.Boot();

        byte[] hostId = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        byte[] secret = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();
        var pair = new PairRequestMessage();
        hostId.CopyTo(pair.HostId, 0);
        secret.CopyTo(pair.HostSecret, 0);
        host.Send(pair);
        var begin = new AuthBeginMessage();
        hostId.CopyTo(begin.HostId, 0);
        host.Send(begin);
        device.Poll();
        var challenge = new AuthChallengeMessage();
        Assert.True(host.TryTake(challenge));

        var response = new AuthResponseMessage();
        new LinkAuthenticator().ComputeHostProof(secret, challenge.DeviceNonce, response.HostNonce, hostId, response.Proof, 0);
        host.Send(response);
        device.Poll();
        Assert.True(device.IsAuthenticated);
        return (device, host, clock);
    }

    [Theory]
    [InlineData(LinkStreamKind.Raw)]
    [InlineData(LinkStreamKind.Filtered)]
    public void Streaming_16ch_at_2kHz_allocates_nothing_per_block(LinkStreamKind kind)
    {
        var (device, host, clock) = AuthenticatedDevice();
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
        var (device, host, clock) = AuthenticatedDevice(channels: 8);
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
        var (device, host, _) = AuthenticatedDevice();
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
