namespace Wearable.EdgeHost.Ble;

/// <summary>
/// The byte stream a BLE link gives <see cref="Wearable.EdgeHost.Link.DeviceLinkClient"/>: reads return
/// received ATT values in order (reassembling frames that span notifications), writes are split into
/// values of at most ATT_MTU - 3 bytes and handed to the sender. When the link is lost, reads that
/// drain what arrived before the loss and then throw an <see cref="IOException"/> naming the cause.
/// </summary>
public sealed class BleLinkStream : Stream
{
    private readonly Queue<byte[]> _received = new();
    private readonly object _gate = new();
    private readonly NotificationSplitter.SpanAction _send;
    private readonly Action? _close;
    private byte[]? _current;
    private int _currentOffset;
    private string? _lostBecause;
    private bool _disposed;

    /// <param name="writeAttMtu">The ATT MTU of the host -> device characteristic.</param>
    /// <param name="send">Sends one value to the device; throws <see cref="IOException"/> when the link is gone.</param>
    /// <param name="close">Releases the link (sockets, subscriptions, the connection) once, on dispose.</param>
    public BleLinkStream(int writeAttMtu, NotificationSplitter.SpanAction send, Action? close = null)
    {
        WritePayloadSize = NotificationSplitter.PayloadSize(writeAttMtu);
        WriteAttMtu = writeAttMtu;
        _send = send ?? throw new ArgumentNullException(nameof(send));
        _close = close;
    }

    public int WriteAttMtu { get; }

    /// <summary>The largest value one write carries.</summary>
    public int WritePayloadSize { get; }

    /// <summary>Why the link was lost, or null while it is up.</summary>
    public string? LostBecause
    {
        get
        {
            lock (_gate)
            {
                return _lostBecause;
            }
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>One value arrived from the device (a notification); copied, so the caller may reuse its buffer.</summary>
    public void Deliver(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            if (_lostBecause is not null || _disposed)
            {
                return;
            }

            _received.Enqueue(value.ToArray());
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Marks the link lost; the first cause wins. Readers get what arrived before, then the cause.</summary>
    public void Lose(string because)
    {
        lock (_gate)
        {
            _lostBecause ??= because;
            Monitor.PulseAll(_gate);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        lock (_gate)
        {
            while (_current is null)
            {
                if (_received.TryDequeue(out byte[]? next))
                {
                    _current = next;
                    _currentOffset = 0;
                    break;
                }

                if (_disposed)
                {
                    return 0;
                }

                if (_lostBecause is not null)
                {
                    throw new IOException(_lostBecause);
                }

                Monitor.Wait(_gate);
            }

            int n = Math.Min(buffer.Length, _current.Length - _currentOffset);
            _current.AsSpan(_currentOffset, n).CopyTo(buffer);
            _currentOffset += n;
            if (_currentOffset == _current.Length)
            {
                _current = null;
            }

            return n;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        string? lost = LostBecause;
        if (lost is not null)
        {
            throw new IOException(lost);
        }

        NotificationSplitter.Split(buffer, WriteAttMtu, _send);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            bool first;
            lock (_gate)
            {
                first = !_disposed;
                _disposed = true;
                Monitor.PulseAll(_gate);
            }

            if (first)
            {
                _close?.Invoke();
            }
        }

        base.Dispose(disposing);
    }
}
