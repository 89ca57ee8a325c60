using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Transports;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>An in-process virtual board on a real pseudo-terminal plus a host client on its /dev/pts path.</summary>
internal sealed class PtySession : IDisposable
{
    public PtySession(VirtualDeviceOptions options, bool traceFrames = false)
    {
        Board = new VirtualBoard(options with { Transport = "pty", Quiet = true });
        Board.Start();
        Client = new DeviceLinkClient(SerialTransport.Open(Board.SlavePath!), traceFrames);
    }

    public VirtualBoard Board { get; }

    public DeviceLinkClient Client { get; }

    /// <summary>Hello, pair (the options must open the pairing window) and authenticate.</summary>
    public DeviceInfoMessage PairAndAuthenticate(HostCredentials credentials)
    {
        DeviceInfoMessage info = Client.Hello();
        Client.Pair(credentials);
        Client.Authenticate(credentials, info.DeviceId);
        return info;
    }

    public void Dispose()
    {
        Client.Dispose();
        Board.Dispose();
    }
}
