using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Transports;

/// <summary>
/// Adapts a pair of .NET streams (TCP socket, in-process pipes) to the core's non-blocking
/// <see cref="IByteTransport"/>: a background thread reads into a buffer that <see cref="Read"/> drains.
/// One instance is one connection: its peer is there from construction and gone once the input ends
/// or a write fails, which is the one peer change it reports.
/// </summary>
public sealed class StreamTransport : IByteTransport, IPeerPresence, IDisposable
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly byte[] _pending = new byte[1 << 16];
    private readonly object _gate = new();
    private readonly Thread _reader;
    private int _start;
    private int _count;
    private volatile bool _closed;

    public StreamTransport(Stream input, Stream output)
    {
        _input = input ?? throw new ArgumentNullException(nameof(input));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "virtual-device-rx" };
        _reader.Start();
    }

    /// <summary>True once the peer closed its end or a write failed.</summary>
    public bool Closed => _closed;

    /// <inheritdoc />
    public int PeerChanges => _closed ? 1 : 0;

    public int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            int n = Math.Min(count, _count);
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = _pending[(_start + i) % _pending.Length];
            }

            _start = (_start + n) % _pending.Length;
            _count -= n;
            Monitor.PulseAll(_gate);
            return n;
        }
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        if (_closed)
        {
            return;
        }

        try
        {
            _output.Write(buffer, offset, count);
            _output.Flush();
        }
        catch (IOException)
        {
            _closed = true;
        }
        catch (ObjectDisposedException)
        {
            _closed = true;
        }
    }

    /// <summary>Waits up to <paramref name="milliseconds"/> for input.</summary>
    public bool WaitReadable(int milliseconds)
    {
        lock (_gate)
        {
            if (_count == 0 && !_closed)
            {
                Monitor.Wait(_gate, milliseconds);
            }

            return _count > 0;
        }
    }

    public void Dispose()
    {
        _closed = true;
        _input.Dispose();
        _output.Dispose();
    }

    private void ReadLoop()
    {
        var chunk = new byte[4096];
        try
        {
            while (!_closed)
            {
                int n = _input.Read(chunk, 0, chunk.Length);
                if (n <= 0)
                {
                    break;
                }

                lock (_gate)
                {
                    // A full buffer back-pressures the peer instead of dropping its bytes.
                    while (_count + n > _pending.Length && !_closed)
                    {
                        Monitor.Wait(_gate, 50);
                    }

                    for (int i = 0; i < n; i++)
                    {
                        _pending[(_start + _count + i) % _pending.Length] = chunk[i];
                    }

                    _count += n;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }
}
