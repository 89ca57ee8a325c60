using System.Runtime.InteropServices;
using System.Text;

namespace Wearable.EdgeHost.Tests.Transports;

/// <summary>
/// A real Linux pseudo-terminal pair made with posix_openpt/grantpt/unlockpt/ptsname_r. The slave path
/// behaves like a serial device node for termios; the test drives the master side directly.
/// </summary>
internal sealed class PseudoTerminal : IDisposable
{
    private const int ORdWr = 0x2;
    private const int ONoCtty = 0x100;
    private const int EAgain = 11;
    private const int EIntr = 4;
    private int _master;

    public PseudoTerminal()
    {
        _master = posix_openpt(ORdWr | ONoCtty);
        if (_master < 0)
        {
            throw new InvalidOperationException("posix_openpt failed: errno " + Marshal.GetLastPInvokeError());
        }

        if (grantpt(_master) != 0 || unlockpt(_master) != 0)
        {
            throw new InvalidOperationException("grantpt/unlockpt failed: errno " + Marshal.GetLastPInvokeError());
        }

        var name = new byte[128];
        int r = ptsname_r(_master, name, (nuint)name.Length);
        if (r != 0)
        {
            throw new InvalidOperationException("ptsname_r failed: " + r);
        }

        SlavePath = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
    }

    /// <summary>The device path to open as a "serial port", e.g. /dev/pts/7.</summary>
    public string SlavePath { get; }

    public void WriteToSlave(byte[] bytes)
    {
        int done = 0;
        while (done < bytes.Length)
        {
            nint n = write(_master, ref bytes[done], (nuint)(bytes.Length - done));
            if (n < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == EAgain || errno == EIntr)
                {
                    Thread.Sleep(1);
                    continue;
                }

                throw new InvalidOperationException("write to pty master failed: errno " + errno);
            }

            done += (int)n;
        }
    }

    /// <summary>Reads from the master until <paramref name="count"/> bytes arrived or the time is up.</summary>
    public byte[] ReadFromSlave(int count, TimeSpan within)
    {
        var result = new byte[count];
        int got = 0;
        long deadline = Environment.TickCount64 + (long)within.TotalMilliseconds;
        while (got < count)
        {
            int remaining = (int)(deadline - Environment.TickCount64);
            if (remaining <= 0)
            {
                break;
            }

            var pfd = new PollFd { Fd = _master, Events = 1 };
            if (poll(ref pfd, 1, remaining) <= 0)
            {
                continue;
            }

            nint n = read(_master, ref result[got], (nuint)(count - got));
            if (n > 0)
            {
                got += (int)n;
            }
        }

        return result.AsSpan(0, got).ToArray();
    }

    /// <summary>Closes the master: the slave side sees a hang-up, as when a USB adapter is unplugged.</summary>
    public void CloseMaster()
    {
        if (_master >= 0)
        {
            close(_master);
            _master = -1;
        }
    }

    public void Dispose() => CloseMaster();

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_openpt(int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int grantpt(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int unlockpt(int fd);

    [DllImport("libc")]
    private static extern int ptsname_r(int fd, byte[] buffer, nuint length);

    [DllImport("libc", SetLastError = true)]
    private static extern nint read(int fd, ref byte buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    private static extern nint write(int fd, ref byte buffer, nuint count);

    [DllImport("libc", SetLastError = true)]
    private static extern int poll(ref PollFd fds, nuint count, int timeoutMs);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
