using System.Runtime.InteropServices;

namespace Wearable.EdgeHost.Transports;

/// <summary>
/// libc calls for serial-like character devices (pseudo-terminals, USB CDC, UARTs) on Linux: open,
/// raw mode through an opaque termios buffer (only tcgetattr / cfmakeraw / cfsetspeed / tcsetattr
/// touch it, so its layout never matters), read/write/poll, flush.
/// </summary>
internal static class PosixTerminal
{
    public const int ORdWr = 0x2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int TcsaNow = 0;
    public const int TcIFlush = 0;
    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;
    public const short PollNval = 0x20;
    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int TermiosBufferBytes = 256;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    public static extern int close(int fd);

    [DllImport("libc", SetLastError = true)]
    public static extern nint read(int fd, ref byte buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    public static extern nint write(int fd, ref byte buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    public static extern int poll(ref PollFd fds, nuint count, int timeoutMilliseconds);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcgetattr(int fd, byte[] termios);

    [DllImport("libc")]
    public static extern void cfmakeraw(byte[] termios);

    [DllImport("libc", SetLastError = true)]
    public static extern int cfsetspeed(byte[] termios, uint speed);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

    [DllImport("libc", SetLastError = true)]
    public static extern int tcflush(int fd, int queueSelector);

    /// <summary>Linux Bxxx speed codes for the rates a wearable link uses (termios.h, octal 0010001..).</summary>
    public static uint SpeedCode(int baud) => baud switch
    {
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        460800 => 0x1004,
        500000 => 0x1005,
        921600 => 0x1007,
        1000000 => 0x1008,
        2000000 => 0x100B,
        _ => throw new ArgumentException($"Baud rate {baud} has no Linux speed code; use one of 9600..2000000.", nameof(baud)),
    };

    /// <summary>Raw mode (8N1, no echo, no line editing or CR/LF translation), optionally at a baud rate.</summary>
    public static void MakeRaw(int fd, string path, int baud)
    {
        var termios = new byte[TermiosBufferBytes];
        if (tcgetattr(fd, termios) != 0)
        {
            throw new IOException($"{path} is not a terminal device (tcgetattr errno {Marshal.GetLastPInvokeError()}).");
        }

        cfmakeraw(termios);
        if (baud > 0 && cfsetspeed(termios, SpeedCode(baud)) != 0)
        {
            throw new IOException($"Cannot set {baud} baud on {path} (errno {Marshal.GetLastPInvokeError()}).");
        }

        if (tcsetattr(fd, TcsaNow, termios) != 0)
        {
            throw new IOException($"Cannot put {path} into raw mode (tcsetattr errno {Marshal.GetLastPInvokeError()}).");
        }
    }
}
