using System.Runtime.InteropServices;

namespace Wearable.EdgeHost.Transports;

/// <summary>
/// A serial port (USB CDC/UART adapter or pseudo-terminal) on Linux through termios: raw 8N1 at a standard
/// baud rate, non-blocking descriptor driven by poll() so every read and write has a timeout and can be cancelled.
/// A serial line has no end of stream: reads wait for data, time out, or report that the device went away.
/// </summary>
public sealed class SerialTransport : Stream
{
    /// <summary>Longest single poll(); bounds how late a cancellation or Dispose is noticed.</summary>
    private const int PollSliceMs = 100;

    private readonly FileDescriptorHandle _handle;
    private int _readTimeoutMs;
    private int _writeTimeoutMs;
    private volatile bool _disposed;

    private SerialTransport(FileDescriptorHandle handle, string port, SerialSettings settings)
    {
        _handle = handle;
        Port = port;
        BaudRate = settings.BaudRate;
        _readTimeoutMs = ToMs(settings.ReadTimeout);
        _writeTimeoutMs = ToMs(settings.WriteTimeout);
    }

    /// <summary>The device path this transport opened.</summary>
    public string Port { get; }

    public int BaudRate { get; }

    public override bool CanRead => !_disposed;

    public override bool CanWrite => !_disposed;

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    /// <summary>Milliseconds; <see cref="Timeout.Infinite"/> (-1) waits for data.</summary>
    public override int ReadTimeout
    {
        get => _readTimeoutMs;
        set => _readTimeoutMs = value >= -1 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Milliseconds; <see cref="Timeout.Infinite"/> (-1) waits until the device takes the bytes.</summary>
    public override int WriteTimeout
    {
        get => _writeTimeoutMs;
        set => _writeTimeoutMs = value >= -1 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override long Length => throw new NotSupportedException("A serial port has no length.");

    public override long Position
    {
        get => throw new NotSupportedException("A serial port has no position.");
        set => throw new NotSupportedException("A serial port has no position.");
    }

    /// <summary>Opens and configures <paramref name="port"/>; errors are <see cref="SerialException"/>s with a hint.</summary>
    public static SerialTransport Open(string port, SerialSettings? settings = null)
    {
        settings ??= new SerialSettings();
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("SerialTransport uses Linux termios; on this OS connect over tcp:// or sim:// instead.");
        }

        if (!BaudRates.TryGetSpeed(settings.BaudRate, out uint speed))
        {
            throw new SerialException(
                port, SerialError.UnsupportedBaudRate, 0,
                "Port " + port + ": baud rate " + settings.BaudRate + " is not a standard termios speed.",
                "Hint: use one of " + string.Join(", ", BaudRates.Supported) + " (the firmware uses " + BaudRates.Default + ").");
        }

        int fd = LinuxTermios.Open(port, LinuxTermios.ORdWr | LinuxTermios.ONoCtty | LinuxTermios.ONonBlock | LinuxTermios.OCloExec);
        if (fd < 0)
        {
            throw SerialException.FromErrno(port, Marshal.GetLastPInvokeError(), "open");
        }

        var handle = new FileDescriptorHandle(fd);
        try
        {
            if (settings.Exclusive && LinuxTermios.Flock(fd, LinuxTermios.LockEx | LinuxTermios.LockNb) != 0)
            {
                throw SerialException.FromErrno(port, Marshal.GetLastPInvokeError(), "flock");
            }

            Configure(fd, port, speed);
            if (settings.DiscardOnOpen)
            {
                Check(LinuxTermios.TcFlush(fd, LinuxTermios.TcioFlush), port, "tcflush");
            }

            return new SerialTransport(handle, port, settings);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Reads what is available (at least one byte), waiting up to <paramref name="timeout"/>; 0 means it timed out.</summary>
    public int Read(Span<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        ReadCore(buffer, ToMs(timeout), cancellationToken);

    /// <summary>Reads at least one byte within <see cref="ReadTimeout"/>, or throws <see cref="TimeoutException"/>.</summary>
    public override int Read(Span<byte> buffer)
    {
        int n = ReadCore(buffer, _readTimeoutMs, CancellationToken.None);
        if (n == 0 && buffer.Length > 0)
        {
            throw new TimeoutException("No data from " + Port + " within " + _readTimeoutMs + " ms.");
        }

        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Run(
            () =>
            {
                int n = ReadCore(buffer.Span, _readTimeoutMs, cancellationToken);
                return n == 0 && buffer.Length > 0 ? throw new TimeoutException("No data from " + Port + " within " + _readTimeoutMs + " ms.") : n;
            },
            cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Writes every byte within <see cref="WriteTimeout"/>, or throws <see cref="TimeoutException"/>.</summary>
    public override void Write(ReadOnlySpan<byte> buffer) => WriteCore(buffer, _writeTimeoutMs, CancellationToken.None);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Run(() => WriteCore(buffer.Span, _writeTimeoutMs, cancellationToken), cancellationToken));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Nothing to do: writes go straight to the driver. Use <see cref="Drain"/> to wait until they are on the wire.</summary>
    public override void Flush()
    {
    }

    /// <summary>Blocks until the driver has transmitted everything written (tcdrain).</summary>
    public void Drain() => WithFd(fd => Check(LinuxTermios.TcDrain(fd), Port, "tcdrain"));

    /// <summary>Throws away received bytes not yet read (tcflush TCIFLUSH), e.g. after a resynchronisation.</summary>
    public void DiscardInput() => WithFd(fd => Check(LinuxTermios.TcFlush(fd, LinuxTermios.TciFlush), Port, "tcflush"));

    /// <summary>Throws away written bytes not yet transmitted (tcflush TCOFLUSH).</summary>
    public void DiscardOutput() => WithFd(fd => Check(LinuxTermios.TcFlush(fd, LinuxTermios.TcoFlush), Port, "tcflush"));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A serial port cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A serial port has no length.");

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Configure(int fd, string port, uint speed)
    {
        var termios = new byte[LinuxTermios.TermiosBufferSize];
        Check(LinuxTermios.TcGetAttr(fd, termios), port, "tcgetattr");
        LinuxTermios.CfMakeRaw(termios);
        uint cflag = LinuxTermios.ReadUInt32(termios, LinuxTermios.CflagOffset);
        cflag &= ~(LinuxTermios.CSize | LinuxTermios.CStopB | LinuxTermios.ParEnb | LinuxTermios.CrtsCts);
        // CLOCAL: ignore modem lines (USB CDC adapters rarely drive DCD); CREAD: enable the receiver.
        cflag |= LinuxTermios.Cs8 | LinuxTermios.Clocal | LinuxTermios.CRead;
        LinuxTermios.WriteUInt32(termios, LinuxTermios.CflagOffset, cflag);
        // VMIN = 1, VTIME = 0 on a non-blocking descriptor: an empty read fails with EAGAIN, so a read of 0 bytes
        // can only mean end of file, i.e. hang-up. poll() does the waiting, with our timeouts.
        termios[LinuxTermios.CcOffset + LinuxTermios.VMin] = 1;
        termios[LinuxTermios.CcOffset + LinuxTermios.VTime] = 0;
        Check(LinuxTermios.CfSetISpeed(termios, speed), port, "cfsetispeed");
        Check(LinuxTermios.CfSetOSpeed(termios, speed), port, "cfsetospeed");
        Check(LinuxTermios.TcSetAttr(fd, LinuxTermios.TcsaNow, termios), port, "tcsetattr");

        // tcsetattr succeeds if any one change took; read back so a driver that refused the speed is reported.
        var applied = new byte[LinuxTermios.TermiosBufferSize];
        Check(LinuxTermios.TcGetAttr(fd, applied), port, "tcgetattr");
        uint got = LinuxTermios.CfGetOSpeed(applied);
        if (got != speed)
        {
            throw new SerialException(
                port, SerialError.UnsupportedBaudRate, 0,
                "Port " + port + ": the driver did not accept baud rate " + BaudRates.FromSpeed(speed) + " (it kept " + BaudRates.FromSpeed(got) + ").",
                "Hint: try 115200 or check the adapter's supported rates.");
        }
    }

    private static void Check(int result, string port, string operation)
    {
        if (result != 0)
        {
            throw SerialException.FromErrno(port, Marshal.GetLastPInvokeError(), operation);
        }
    }

    private static int ToMs(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? Timeout.Infinite : (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue);

    private int ReadCore(Span<byte> buffer, int timeoutMs, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            int fd = _handle.Fd;
            long deadline = timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs;
            while (true)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                cancellationToken.ThrowIfCancellationRequested();
                nint n = LinuxTermios.Read(fd, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
                if (n > 0)
                {
                    return (int)n;
                }

                if (n == 0)
                {
                    throw new SerialException(
                        Port, SerialError.Disconnected, LinuxTermios.EIo,
                        "Port " + Port + " was disconnected (end of file: the device hung up).",
                        "Hint: check the cable and reconnect; the session reconnects when the device comes back.");
                }

                int errno = Marshal.GetLastPInvokeError();
                if (errno == LinuxTermios.EIntr)
                {
                    continue;
                }

                if (errno != LinuxTermios.EAgain)
                {
                    throw SerialException.FromErrno(Port, errno, "read");
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    return 0;
                }

                WaitFor(fd, LinuxTermios.PollIn, (int)Math.Min(remaining, PollSliceMs));
            }
        }
        catch (ObjectDisposedException) when (_disposed)
        {
            throw new ObjectDisposedException(nameof(SerialTransport), "Port " + Port + " was closed while reading.");
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    private void WriteCore(ReadOnlySpan<byte> buffer, int timeoutMs, CancellationToken cancellationToken)
    {
        bool added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            int fd = _handle.Fd;
            long deadline = timeoutMs < 0 ? long.MaxValue : Environment.TickCount64 + timeoutMs;
            while (buffer.Length > 0)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                cancellationToken.ThrowIfCancellationRequested();
                nint n = LinuxTermios.Write(fd, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
                if (n > 0)
                {
                    buffer = buffer[(int)n..];
                    continue;
                }

                int errno = n < 0 ? Marshal.GetLastPInvokeError() : LinuxTermios.EAgain;
                if (errno == LinuxTermios.EIntr)
                {
                    continue;
                }

                if (errno != LinuxTermios.EAgain)
                {
                    throw SerialException.FromErrno(Port, errno, "write");
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0)
                {
                    throw new TimeoutException(
                        "Writing to " + Port + " timed out after " + timeoutMs + " ms with " + buffer.Length
                        + " bytes left: the device is not reading. Check that it is running and the baud rate matches.");
                }

                WaitFor(fd, LinuxTermios.PollOut, (int)Math.Min(remaining, PollSliceMs));
            }
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>One poll() slice; a hang-up without pending data means the device is gone.</summary>
    private void WaitFor(int fd, short events, int timeoutMs)
    {
        var pfd = new LinuxTermios.PollFd { Fd = fd, Events = events };
        int r = LinuxTermios.Poll(ref pfd, 1, timeoutMs);
        if (r < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno != LinuxTermios.EIntr)
            {
                throw SerialException.FromErrno(Port, errno, "poll");
            }

            return;
        }

        const short Gone = LinuxTermios.PollHup | LinuxTermios.PollErr | LinuxTermios.PollNval;
        if (r > 0 && (pfd.Revents & Gone) != 0 && (pfd.Revents & events) == 0)
        {
            throw new SerialException(
                Port, SerialError.Disconnected, LinuxTermios.EIo,
                "Port " + Port + " was disconnected (poll reported a hang-up).",
                "Hint: check the cable and reconnect; the session reconnects when the device comes back.");
        }
    }

    private void WithFd(Action<int> action)
    {
        bool added = false;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _handle.DangerousAddRef(ref added);
            action(_handle.Fd);
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }
}
