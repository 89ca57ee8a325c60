using System.Runtime.InteropServices;

namespace Wearable.VirtualDevice.Transports;

/// <summary>
/// The few libc calls a pseudo-terminal needs (Linux, glibc or musl). Kept separate from the host's
/// copy in edge-host on purpose: firmware never references edge-host. termios is handled as an opaque
/// buffer (only tcgetattr / cfmakeraw / tcsetattr touch it), so its layout never matters here.
/// </summary>
internal static class Libc
{
    public const int ORdWr = 0x2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int TcsaNow = 0;
    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;
    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int EIo = 5;

    /// <summary>Larger than any libc's struct termios (60 bytes on glibc x86-64 / arm64).</summary>
    public const int TermiosBufferBytes = 256;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)]
    public static extern int posix_openpt(int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int grantpt(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern int unlockpt(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern int ptsname_r(int fd, byte[] buffer, nuint length);

    [DllImport("libc", SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcgetattr(int fd, byte[] termios);

    [DllImport("libc")]
    public static extern void cfmakeraw(byte[] termios);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

    [DllImport("libc", SetLastError = true)]
    public static extern nint read(int fd, ref byte buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    public static extern nint write(int fd, ref byte buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    public static extern int poll(ref PollFd fds, nuint count, int timeoutMilliseconds);

    [DllImport("libc", SetLastError = true)]
    public static extern int close(int fd);

    /// <summary>Puts a terminal into raw mode (no echo, no line editing, no CR/LF translation, 8 bits).</summary>
    public static void MakeRaw(int fd, string what)
    {
        var termios = new byte[TermiosBufferBytes];
        if (tcgetattr(fd, termios) != 0)
        {
            throw new IOException($"tcgetattr on {what} failed (errno {Marshal.GetLastPInvokeError()}).");
        }

        cfmakeraw(termios);
        if (tcsetattr(fd, TcsaNow, termios) != 0)
        {
            throw new IOException($"tcsetattr on {what} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }
}
