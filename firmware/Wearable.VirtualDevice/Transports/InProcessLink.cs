namespace Wearable.VirtualDevice.Transports;

/// <summary>
/// An in-memory byte link between a device transport and a host <see cref="Stream"/>, for tests that
/// want real byte-stream behaviour (partial reads, back-pressure when the reader lags) without a
/// pseudo-terminal. Disposing either end closes both directions: readers get end of stream.
/// </summary>
public sealed class InProcessLink : IDisposable
{
    private readonly BytePipe _toDevice = new();
    private readonly BytePipe _toHost = new();

    private InProcessLink()
    {
        Device = new StreamTransport(new PipeEnd(_toDevice, _toHost, this), new PipeEnd(_toDevice, _toHost, this));
        Host = new PipeEnd(_toHost, _toDevice, this);
    }

    /// <summary>The device end, for the virtual board.</summary>
    public StreamTransport Device { get; }

    /// <summary>The host end: read what the device sends, write what the device receives.</summary>
    public Stream Host { get; }

    public static InProcessLink Create() => new();

    public void Dispose()
    {
        _toDevice.Close();
        _toHost.Close();
        Device.Dispose();
    }

    /// <summary>A bounded byte queue: writers wait while it is full, readers while it is empty.</summary>
    private sealed class BytePipe
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _count;
        private bool _closed;

        public int Read(byte[] destination, int offset, int count)
        {
            lock (_buffer)
            {
                while (_count == 0 && !_closed)
                {
                    Monitor.Wait(_buffer);
                }

                int n = Math.Min(count, _count);
                for (int i = 0; i < n; i++)
                {
                    destination[offset + i] = _buffer[(_start + i) % _buffer.Length];
                }

                _start = (_start + n) % _buffer.Length;
                _count -= n;
                Monitor.PulseAll(_buffer);
                return n;
            }
        }

        public void Write(byte[] source, int offset, int count)
        {
            lock (_buffer)
            {
                while (count > 0)
                {
                    while (_count == _buffer.Length && !_closed)
                    {
                        Monitor.Wait(_buffer);
                    }

                    if (_closed)
                    {
                        throw new IOException("The in-process link is closed.");
                    }

                    int n = Math.Min(count, _buffer.Length - _count);
                    for (int i = 0; i < n; i++)
                    {
                        _buffer[(_start + _count + i) % _buffer.Length] = source[offset + i];
                    }

                    _count += n;
                    offset += n;
                    count -= n;
                    Monitor.PulseAll(_buffer);
                }
            }
        }

        public void Close()
        {
            lock (_buffer)
            {
                _closed = true;
                Monitor.PulseAll(_buffer);
            }
        }
    }

    /// <summary>One end: reads one pipe, writes the other; disposing it closes the link.</summary>
    private sealed class PipeEnd(BytePipe input, BytePipe output, InProcessLink link) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => input.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => output.Write(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                link._toDevice.Close();
                link._toHost.Close();
            }

            base.Dispose(disposing);
        }
    }
}
