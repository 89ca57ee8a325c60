using System.Runtime.InteropServices;

namespace Wearable.EdgeHost.Transports;

/// <summary>
/// The libc calls and constants a serial port needs on Linux (glibc/musl, x86_64 and arm64 share them).
/// The termios struct is handled as a byte buffer at known offsets, which keeps this free of unsafe code;
/// libc's own cfmakeraw/cfset*speed fill it, so we only touch the fields we must.
/// </summary>
internal static class LinuxTermios
{
    public const int ORdWr = 0x2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    public const int TcsaNow = 0;
    public const int TciFlush = 0;
    public const int TcoFlush = 1;
    public const int TcioFlush = 2;

    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;
    public const short PollNval = 0x20;

    public const int LockEx = 2;
    public const int LockNb = 4;

    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int EIo = 5;
    public const int ENxio = 6;
    public const int EAgain = 11;
    public const int EAcces = 13;
    public const int EBusy = 16;
    public const int ENoDev = 19;
    public const int EIsDir = 21;
    public const int ENotTy = 25;
    public const int EPerm = 1;

    /// <summary>glibc's struct termios is 60 bytes; a larger buffer costs nothing and guards against a longer libc variant.</summary>
    public const int TermiosBufferSize = 256;
    public const int CflagOffset = 8;
    public const int CcOffset = 17;
    public const int VTime = 5;
    public const int VMin = 6;

    public const uint CSize = 0x30;
    public const uint Cs8 = 0x30;
    public const uint CStopB = 0x40;
    public const uint CRead = 0x80;
    public const uint ParEnb = 0x100;
    public const uint Clocal = 0x800;
    public const uint CrtsCts = 0x80000000;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    public static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    public static extern nint Read(int fd, ref byte buffer, nuint count);

    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    public static extern nint Write(int fd, ref byte buffer, nuint count);

    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static extern int Poll(ref PollFd fds, nuint count, int timeoutMs);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static extern int Flock(int fd, int operation);

    [DllImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static extern int TcGetAttr(int fd, byte[] termios);

    [DllImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static extern int TcSetAttr(int fd, int optionalActions, byte[] termios);

    [DllImport("libc", EntryPoint = "cfmakeraw")]
    public static extern void CfMakeRaw(byte[] termios);

    [DllImport("libc", EntryPoint = "cfsetispeed", SetLastError = true)]
    public static extern int CfSetISpeed(byte[] termios, uint speed);

    [DllImport("libc", EntryPoint = "cfsetospeed", SetLastError = true)]
    public static extern int CfSetOSpeed(byte[] termios, uint speed);

    [DllImport("libc", EntryPoint = "cfgetospeed")]
    public static extern uint CfGetOSpeed(byte[] termios);

    [DllImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    public static extern int TcFlush(int fd, int queueSelector);

    [DllImport("libc", EntryPoint = "tcdrain", SetLastError = true)]
    public static extern int TcDrain(int fd);

    [DllImport("libc", EntryPoint = "strerror")]
    public static extern nint StrError(int errno);

    public static string Describe(int errno) => Marshal.PtrToStringUTF8(StrError(errno)) ?? ("errno " + errno);

    public static uint ReadUInt32(byte[] termios, int offset) => BitConverter.ToUInt32(termios, offset);

    public static void WriteUInt32(byte[] termios, int offset, uint value) => BitConverter.TryWriteBytes(termios.AsSpan(offset, 4), value);
}
