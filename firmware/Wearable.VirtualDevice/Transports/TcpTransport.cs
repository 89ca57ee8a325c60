using System.Net;
using System.Net.Sockets;
using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Transports;

/// <summary>
/// Listens on loopback and serves one host at a time; a new connection replaces the old one (like
/// plugging a cable into another computer). Bytes written while no host is connected are dropped.
/// Every accept and every close (the peer's or ours) is a peer change for the core, which then ends
/// the session: a new connection starts unauthenticated.
/// </summary>
public sealed class TcpTransport : IByteTransport, IPeerPresence, IDisposable
{
    private readonly TcpListener _listener;
    private readonly Thread _acceptor;
    private volatile StreamTransport? _current;
    private volatile bool _disposed;
    private int _peerChanges;
    private StreamTransport? _seenClosed;

    public TcpTransport(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptor = new Thread(AcceptLoop) { IsBackground = true, Name = "virtual-device-tcp" };
        _acceptor.Start();
    }

    /// <summary>The port actually bound (useful with port 0).</summary>
    public int Port { get; }

    /// <inheritdoc />
    public int PeerChanges
    {
        get
        {
            // A peer that went away counts once, when the core first looks after its close.
            var current = _current;
            if (current is not null && current.Closed && !ReferenceEquals(current, _seenClosed))
            {
                _seenClosed = current;
                Interlocked.Increment(ref _peerChanges);
            }

            return Volatile.Read(ref _peerChanges);
        }
    }

    public int Read(byte[] buffer, int offset, int count) => _current?.Read(buffer, offset, count) ?? 0;

    public void Write(byte[] buffer, int offset, int count) => _current?.Write(buffer, offset, count);

    /// <summary>Waits up to <paramref name="milliseconds"/> for input.</summary>
    public bool WaitReadable(int milliseconds)
    {
        var current = _current;
        if (current is null || current.Closed)
        {
            // No host, or it left: its closed stream would answer at once and the device loop would spin.
            Thread.Sleep(milliseconds);
            return false;
        }

        return current.WaitReadable(milliseconds);
    }

    public void Dispose()
    {
        _disposed = true;
        _listener.Stop();
        _current?.Dispose();
    }

    private void AcceptLoop()
    {
        while (!_disposed)
        {
            try
            {
                TcpClient client = _listener.AcceptTcpClient();
                client.NoDelay = true;
                NetworkStream stream = client.GetStream();
                var previous = _current;

                // Counted before the new socket becomes readable (IPeerPresence's contract).
                Interlocked.Increment(ref _peerChanges);
                _current = new StreamTransport(stream, stream);
                previous?.Dispose();
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }
}
