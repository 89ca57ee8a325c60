using System.Runtime.InteropServices;

namespace Wearable.EdgeHost.Transports;

/// <summary>
/// A <see cref="Stream"/> over a serial-like device node (/dev/pts/N of a virtual device, /dev/ttyUSB0,
/// /dev/ttyACM0) opened in raw mode with open() and termios. Reads block until at least one byte
/// arrives (or <see cref="ReadTimeout"/> passes: TimeoutException) and return 0 when the other end
/// hangs up; writes block until everything is written.
/// </summary>
public sealed class SerialDeviceStream : Stream
{
    private readonly int _fd;
    private readonly string _path;
    private volatile bool _disposed;

    private SerialDeviceStream(int fd, string path)
    {
        _fd = fd;
        _path = path;
    }

    /// <summary>
    /// Opens <paramref name="path"/> in raw mode, optionally at <paramref name="baud"/> (ignored by
    /// pseudo-terminals), and discards bytes that arrived before the open.
    /// </summary>
    public static SerialDeviceStream Open(string path, int baud = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            throw new PlatformNotSupportedException("Serial device streams need Linux or macOS.");
        }

        int fd = PosixTerminal.open(path, PosixTerminal.ORdWr | PosixTerminal.ONoCtty | PosixTerminal.ONonBlock);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException(errno == 13
                ? $"Permission denied opening {path}: add yourself to the dialout group or run with access to it."
                : $"Cannot open {path} (errno {errno}): check the path the device printed and that it is still running.");
        }

        try
        {
            PosixTerminal.MakeRaw(fd, path, baud);
            PosixTerminal.tcflush(fd, PosixTerminal.TcIFlush);
        }
        catch
        {
            PosixTerminal.close(fd);
            throw;
        }

        return new SerialDeviceStream(fd, path);
    }

    /// <summary>The device node.</summary>
    public string Path => _path;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    /// <summary>Milliseconds a read waits for the first byte; <see cref="Timeout.Infinite"/> by default.</summary>
    public override int ReadTimeout { get; set; } = Timeout.Infinite;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        if (count == 0)
        {
            return 0;
        }

        long deadline = ReadTimeout == Timeout.Infinite ? long.MaxValue : Environment.TickCount64 + ReadTimeout;
        while (!_disposed)
        {
            nint n = PosixTerminal.read(_fd, ref buffer[offset], (nuint)count);
            if (n > 0)
            {
                return (int)n;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (n == 0 || (n < 0 && errno != PosixTerminal.EAgain && errno != PosixTerminal.EIntr))
            {
                return 0; // hang-up (EIO) or end of file: the device went away
            }

            long left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                throw new TimeoutException($"No data from {_path} within {ReadTimeout} ms.");
            }

            // Short slices so Dispose from another thread ends a blocked read promptly.
            var pfd = new PosixTerminal.PollFd { Fd = _fd, Events = PosixTerminal.PollIn };
            PosixTerminal.poll(ref pfd, 1, (int)Math.Min(left, 100));
            if ((pfd.Revents & (PosixTerminal.PollHup | PosixTerminal.PollErr | PosixTerminal.PollNval)) != 0
                && (pfd.Revents & PosixTerminal.PollIn) == 0)
            {
                return 0;
            }
        }

        return 0;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        while (count > 0)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            nint n = PosixTerminal.write(_fd, ref buffer[offset], (nuint)count);
            if (n > 0)
            {
                offset += (int)n;
                count -= (int)n;
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (n < 0 && errno != PosixTerminal.EAgain && errno != PosixTerminal.EIntr)
            {
                throw new IOException($"Writing to {_path} failed (errno {errno}): the device may have gone away.");
            }

            var pfd = new PosixTerminal.PollFd { Fd = _fd, Events = PosixTerminal.PollOut };
            PosixTerminal.poll(ref pfd, 1, 100);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            PosixTerminal.close(_fd);
        }

        base.Dispose(disposing);
    }
}
