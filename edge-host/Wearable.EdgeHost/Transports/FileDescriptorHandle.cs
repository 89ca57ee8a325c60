using System.Runtime.InteropServices;

namespace Wearable.EdgeHost.Transports;

/// <summary>
/// Owns a POSIX file descriptor. As a SafeHandle it is reference counted, so Dispose on one thread
/// cannot close (and let the OS reuse) a descriptor another thread is still polling.
/// </summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true) => SetHandle(new IntPtr(fd));

    public override bool IsInvalid => handle.ToInt64() < 0;

    public int Fd => (int)handle.ToInt64();

    protected override bool ReleaseHandle() => LinuxTermios.Close(Fd) == 0;
}
