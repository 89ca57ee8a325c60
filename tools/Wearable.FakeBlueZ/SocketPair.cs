using System.Net.Sockets;
using System.Runtime.InteropServices;
using Tmds.DBus;

namespace Wearable.FakeBlueZ;

/// <summary>
/// What bluetoothd hands out for AcquireNotify/AcquireWrite: socketpair(AF_UNIX, SOCK_SEQPACKET), one end
/// kept (one datagram per ATT value), the other passed to the client as a unix fd.
/// </summary>
public static partial class SocketPair
{
    private const int AfUnix = 1;
    private const int SockSeqpacket = 5;
    private const int SockCloexec = 0x80000;

    public static (Socket Kept, CloseSafeHandle Given) Create()
    {
        int[] fds = new int[2];
        if (Native(AfUnix, SockSeqpacket | SockCloexec, 0, fds) != 0)
        {
            throw new IOException("socketpair failed: errno " + Marshal.GetLastPInvokeError());
        }

        return (new Socket(new SafeSocketHandle(fds[0], ownsHandle: true)), new CloseSafeHandle(fds[1], ownsHandle: true));
    }

    [LibraryImport("libc", EntryPoint = "socketpair", SetLastError = true)]
    private static partial int Native(int domain, int type, int protocol, [Out] int[] fds);
}
