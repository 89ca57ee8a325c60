using System.Runtime.InteropServices;
using System.Text;
using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Transports;

/// <summary>
/// The device end of a pseudo-terminal: the master side, in raw mode and non-blocking. Any serial tool
/// (picocom, socat, the host's serial transport) opens <see cref="SlavePath"/> as if it were a UART.
/// The device holds no slave descriptor of its own, so when the last host closes the port the master
/// reads EIO (a hang-up) and the core ends the session; the next successful read is a new peer. A close
/// and reopen that both happen between two reads of the device loop cannot be told apart from one
/// connection (a host's Hello still ends the session then). Bytes the device writes while no host is
/// attached wait in the pty; hosts should flush input when they open the port.
/// </summary>
public sealed class PseudoTerminal : IByteTransport, IPeerPresence, IDisposable
{
    private readonly int _master;
    private bool _disposed;
    private bool _peerPresent;
    private int _peerChanges;

    public PseudoTerminal()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("Pseudo-terminals need Linux or macOS; use --transport tcp elsewhere.");
        }

        _master = Libc.posix_openpt(Libc.ORdWr | Libc.ONoCtty | Libc.ONonBlock);
        if (_master < 0)
        {
            throw new IOException($"posix_openpt failed (errno {Marshal.GetLastPInvokeError()}): is /dev/ptmx available?");
        }

        if (Libc.grantpt(_master) != 0 || Libc.unlockpt(_master) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Libc.close(_master);
            throw new IOException($"grantpt/unlockpt failed (errno {errno}).");
        }

        var name = new byte[128];
        if (Libc.ptsname_r(_master, name, (nuint)name.Length) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Libc.close(_master);
            throw new IOException($"ptsname_r failed (errno {errno}).");
        }

        int length = Array.IndexOf(name, (byte)0);
        SlavePath = Encoding.ASCII.GetString(name, 0, length < 0 ? name.Length : length);
        int slave = Libc.open(SlavePath, Libc.ORdWr | Libc.ONoCtty | Libc.ONonBlock);
        if (slave < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            Libc.close(_master);
            throw new IOException($"Opening {SlavePath} failed (errno {errno}).");
        }

        // Raw before any byte moves: a fresh pty echoes and translates CR/LF, which would corrupt frames.
        // The settings belong to the pty and outlive this descriptor, so every later host finds it raw.
        Libc.MakeRaw(slave, SlavePath);
        Libc.MakeRaw(_master, "the pty master");
        Libc.close(slave);
    }

    /// <inheritdoc />
    public int PeerChanges => Volatile.Read(ref _peerChanges);

    /// <summary>True while a host has the slave side open (as of the last read).</summary>
    public bool PeerPresent => _peerPresent;

    /// <summary>The /dev/pts/N path a host opens.</summary>
    public string SlavePath { get; }

    /// <summary>Bytes written and not accepted within the write timeout (no host reading).</summary>
    public long BytesDiscarded { get; private set; }

    /// <summary>How long a write waits for a host to read before dropping bytes.</summary>
    public int WriteTimeoutMilliseconds { get; set; } = 2000;

    public int Read(byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (count == 0)
        {
            return 0;
        }

        nint n = Libc.read(_master, ref buffer[offset], (nuint)count);
        int errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;

        // EIO: no host has the slave open. Data or EAGAIN: one has. Counted before the bytes are handed out.
        bool present = n > 0 || (n < 0 && errno != Libc.EIo);
        if (present != _peerPresent)
        {
            _peerPresent = present;
            Interlocked.Increment(ref _peerChanges);
        }

        return n > 0 ? (int)n : 0;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long deadline = Environment.TickCount64 + WriteTimeoutMilliseconds;
        while (count > 0)
        {
            nint n = Libc.write(_master, ref buffer[offset], (nuint)count);
            if (n > 0)
            {
                offset += (int)n;
                count -= (int)n;
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (n < 0 && errno != Libc.EAgain && errno != Libc.EIntr)
            {
                throw new IOException($"write to the pty master failed (errno {errno}).");
            }

            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                BytesDiscarded += count;
                return;
            }

            var pfd = new Libc.PollFd { Fd = _master, Events = Libc.PollOut };
            Libc.poll(ref pfd, 1, (int)Math.Min(left, 50));
        }
    }

    /// <summary>Waits up to <paramref name="milliseconds"/> for input (so an idle loop need not spin).</summary>
    public bool WaitReadable(int milliseconds)
    {
        var pfd = new Libc.PollFd { Fd = _master, Events = Libc.PollIn };
        bool ready = Libc.poll(ref pfd, 1, milliseconds) > 0;
        if (ready && (pfd.Revents & Libc.PollIn) == 0 && (pfd.Revents & Libc.PollHup) != 0)
        {
            // No host attached: poll reports the hang-up at once, so wait here instead of spinning.
            Thread.Sleep(milliseconds);
            return false;
        }

        return ready && (pfd.Revents & Libc.PollIn) != 0;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Libc.close(_master);
    }
}
