using System.Net.Sockets;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Transports;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>
/// Each virtual-device transport tells the core when a peer connects or goes away, so one host's
/// authentication never serves the next one on the link (docs/protocol.md section 7).
/// </summary>
public sealed class TransportSessionTests
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(20);

    private static VirtualDeviceOptions Options(string transport) => new()
    {
        Channels = 4,
        SampleRate = 250,
        Transport = transport,
        PairingWindow = TimeSpan.FromMinutes(5),
        Quiet = true,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_second_tcp_connection_without_keys_is_refused_every_privileged_request(bool firstClosesBeforehand)
    {
        using var board = new VirtualBoard(Options("tcp"));
        board.Start();
        int port = int.Parse(board.Endpoint!.Split(':')[1]);
        var first = new TcpClient("127.0.0.1", port);
        var firstClient = new DeviceLinkClient(first.GetStream());
        var host = HostCredentials.Create();
        DeviceInfoMessage info = firstClient.Hello();
        firstClient.Pair(host);
        firstClient.Authenticate(host, info.DeviceId);
        Assert.True(board.Device.IsAuthenticated);
        if (firstClosesBeforehand)
        {
            int ended = board.Device.SessionsEnded;
            firstClient.Dispose();
            first.Dispose();
            Assert.True(SpinWait.SpinUntil(() => board.Device.SessionsEnded > ended, SignalTimeout), "The device never noticed the first connection closing.");
        }

        using var second = new TcpClient("127.0.0.1", port);
        using var intruder = new DeviceLinkClient(second.GetStream());
        AssertEveryPrivilegedRequestRefused(intruder);
        Assert.False(board.Device.Stream.Streaming);
        Assert.False(board.Device.Slots.Uploading);
        firstClient.Dispose();
        first.Dispose();
    }

    [Fact]
    public void A_reopened_pty_starts_unauthenticated()
    {
        using var board = new VirtualBoard(Options("pty"));
        board.Start();
        var host = HostCredentials.Create();
        using (var client = new DeviceLinkClient(SerialTransport.Open(board.SlavePath!)))
        {
            DeviceInfoMessage info = client.Hello();
            client.Pair(host);
            client.Authenticate(host, info.DeviceId);
            client.BeginModelUpload(0, 100, 0x1234);
            Assert.True(board.Device.Slots.Uploading);
        }

        // The hang-up is seen when the device reads EIO; only then does the next open count as a new peer.
        Assert.True(SpinWait.SpinUntil(() => !board.Device.Slots.Uploading, SignalTimeout), "The device never noticed the pty hang-up.");
        Assert.False(board.Device.IsAuthenticated);
        using var reopened = new DeviceLinkClient(SerialTransport.Open(board.SlavePath!));
        AssertEveryPrivilegedRequestRefused(reopened);
    }

    [Fact]
    public void Closing_the_in_process_host_end_drops_the_session_and_its_upload()
    {
        var link = InProcessLink.Create();
        using var board = new VirtualBoard(Options("inproc"), link.Device);
        board.Start();
        var host = HostCredentials.Create();
        var client = new DeviceLinkClient(link.Host);
        DeviceInfoMessage info = client.Hello();
        client.Pair(host);
        client.Authenticate(host, info.DeviceId);
        client.BeginModelUpload(0, 100, 0x1234);
        int ended = board.Device.SessionsEnded;

        client.Dispose();
        link.Dispose();

        Assert.True(SpinWait.SpinUntil(() => board.Device.SessionsEnded > ended, SignalTimeout), "The device never noticed the host leaving.");
        Assert.False(board.Device.IsAuthenticated);
        Assert.False(board.Device.Slots.Uploading);
    }

    private static void AssertEveryPrivilegedRequestRefused(DeviceLinkClient client)
    {
        ILinkMessage[] privileged =
        [
            new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 8, ChannelMask = 0xF },
            new StopStreamMessage { Kind = LinkStreamKind.All },
            new MarkerMessage { Value = 1 },
            new TimeSyncPingMessage { PingId = 1 },
            new ConfigGetMessage { Key = LinkConfigKey.SampleRateHz },
            new ConfigSetMessage { Key = LinkConfigKey.LogLevel },
            new CalibrationGetMessage(),
            new CalibrationMessage { ChannelCount = 1 },
            new ModelBeginMessage { Slot = 0, TotalSize = 100, Crc32 = 1 },
            new ModelChunkMessage { Offset = 0, DataLength = 10 },
            new ModelCommitMessage { Slot = 0, Crc32 = 1 },
            new ModelAbortMessage { Slot = 0 },
            new HilRunMessage(),
        ];
        foreach (ILinkMessage request in privileged)
        {
            var refused = Assert.Throws<DeviceLinkException>(() => client.Request(request));
            Assert.True(refused.Code == LinkErrorCode.NotAuthenticated, $"{request.MessageType}: {refused.Code} ({refused.Message})");
        }
    }
}
