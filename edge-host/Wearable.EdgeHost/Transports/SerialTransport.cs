using System.IO.Ports;

namespace Wearable.EdgeHost.Transports;

/// <summary>
/// A serial port (USB CDC/UART adapter or pseudo-terminal) through System.IO.Ports: raw 8N1, no flow
/// control, at whatever baud rate the driver accepts. Added on top, because SerialPort does not do it
/// (docs/transports.md; SerialTransportTests show each): an exclusive advisory lock (SerialPort opens a
/// port a second time without complaint, as root always), errors that say what to do instead of "access
/// denied" for every cause, a hang-up reported as <see cref="SerialError.Disconnected"/> (SerialPort's
/// pending read throws ObjectDisposedException and later reads merely time out), and a close that
/// cannot hang the caller (SerialPort.Close can block after a hang-up).
/// </summary>
public sealed class SerialTransport : Stream
{
    /// <summary>How long Dispose waits for SerialPort.Close before leaving it to finish on its own.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SerialPort _port;
    private readonly Stream _stream;
    private readonly FileStream? _lock;
    private volatile bool _hungUp;
    private volatile bool _disposed;

    private SerialTransport(SerialPort port, FileStream? exclusiveLock)
    {
        _port = port;
        _stream = port.BaseStream;
        _lock = exclusiveLock;
    }

    /// <summary>The device path this transport opened.</summary>
    public string Port => _port.PortName;

    public int BaudRate => _port.BaudRate;

    public override bool CanRead => !_disposed;

    public override bool CanWrite => !_disposed;

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    /// <summary>Milliseconds; <see cref="Timeout.Infinite"/> (-1) waits for data.</summary>
    public override int ReadTimeout
    {
        get => _port.ReadTimeout;
        set => _port.ReadTimeout = value;
    }

    /// <summary>Milliseconds; <see cref="Timeout.Infinite"/> (-1) waits until the device takes the bytes.</summary>
    public override int WriteTimeout
    {
        get => _port.WriteTimeout;
        set => _port.WriteTimeout = value;
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
        ArgumentNullException.ThrowIfNull(port);
        settings ??= new SerialSettings();
        if (settings.BaudRate <= 0)
        {
            throw SerialException.UnsupportedBaudRate(port, settings.BaudRate);
        }

        FileStream held = CheckTerminal(port, settings.Exclusive);
        var serial = new SerialPort(port, settings.BaudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = ToMs(settings.ReadTimeout),
            WriteTimeout = ToMs(settings.WriteTimeout),
        };
        try
        {
            serial.Open();
            if (settings.DiscardOnOpen)
            {
                serial.DiscardInBuffer();
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or ArgumentException)
        {
            serial.Dispose();
            held.Dispose();
            throw SerialException.OpenFailed(port, settings.BaudRate, ex.InnerException?.Message ?? ex.Message);
        }

        if (!settings.Exclusive)
        {
            held.Dispose();
            return new SerialTransport(serial, null);
        }

        return new SerialTransport(serial, held);
    }

    /// <summary>Reads what is available (at least one byte), waiting up to <paramref name="timeout"/>; 0 means it timed out.</summary>
    public int Read(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ThrowIfGone();
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            window.CancelAfter(timeout);
        }

        try
        {
            return _stream.ReadAsync(buffer, window.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex) when (IsHangUp(ex))
        {
            throw HungUp();
        }
    }

    /// <summary>Reads at least one byte within <see cref="ReadTimeout"/>, or throws <see cref="TimeoutException"/>.</summary>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ThrowIfGone();
        try
        {
            return _stream.Read(buffer, offset, count);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No data from " + Port + " within " + ReadTimeout + " ms.");
        }
        catch (Exception ex) when (IsHangUp(ex))
        {
            throw HungUp();
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfGone();
        try
        {
            return await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsHangUp(ex))
        {
            throw HungUp();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Writes every byte within <see cref="WriteTimeout"/>, or throws <see cref="TimeoutException"/>.</summary>
    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfGone();
        try
        {
            _stream.Write(buffer, offset, count);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                "Writing to " + Port + " timed out after " + WriteTimeout + " ms: the device is not reading. Check that it is running and the baud rate matches.");
        }
        catch (Exception ex) when (IsHangUp(ex))
        {
            throw HungUp();
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfGone();
        try
        {
            await _stream.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsHangUp(ex))
        {
            throw HungUp();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        ThrowIfGone();
        _stream.Flush();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A serial port cannot seek.");

    public override void SetLength(long value) => throw new NotSupportedException("A serial port has no length.");

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            Task closing = Task.Run(() =>
            {
                try
                {
                    _port.Close();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
                {
                    // The device is gone already; there is nothing left to close cleanly.
                }
            });
            closing.Wait(CloseTimeout);
            _lock?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Checks that <paramref name="port"/> is a terminal this user may open and, for an exclusive open,
    /// takes the advisory lock: .NET implements FileShare.None as flock(LOCK_EX | LOCK_NB) on Unix.
    /// </summary>
    private static FileStream CheckTerminal(string port, bool exclusive)
    {
        if (Directory.Exists(port))
        {
            throw SerialException.NotASerialPort(port, "it is a directory");
        }

        FileStream held;
        try
        {
            held = new FileStream(port, FileMode.Open, FileAccess.Read, exclusive ? FileShare.None : FileShare.ReadWrite, bufferSize: 0);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw SerialException.NotFound(port);
        }
        catch (UnauthorizedAccessException)
        {
            throw SerialException.PermissionDenied(port);
        }
        catch (IOException)
        {
            throw SerialException.Busy(port);
        }

        // Files and block devices seek; a terminal never does.
        if (held.CanSeek)
        {
            held.Dispose();
            throw SerialException.NotASerialPort(port, "it is a regular file");
        }

        return held;
    }

    private static bool IsHangUp(Exception ex) => ex is ObjectDisposedException or IOException && ex is not SerialException;

    private static int ToMs(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? SerialPort.InfiniteTimeout : (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue);

    private SerialException HungUp()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(SerialTransport), "Port " + Port + " was closed while in use.");
        }

        _hungUp = true;
        return SerialException.Disconnected(Port);
    }

    private void ThrowIfGone()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_hungUp)
        {
            throw SerialException.Disconnected(Port);
        }
    }
}
