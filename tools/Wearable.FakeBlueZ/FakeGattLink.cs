using System.Collections.Concurrent;
using System.Net.Sockets;
using Wearable.EdgeHost.Ble;
using Wearable.Firmware.Board;

namespace Wearable.FakeBlueZ;

/// <summary>
/// The device end of the fake BLE link, as the virtual board's byte transport: what the host writes
/// (AcquireWrite datagrams or WriteValue calls) is read by the core; what the core writes goes out as
/// notifications of at most ATT_MTU - 3 bytes (to the AcquireNotify socket, or as PropertiesChanged on
/// Value after StartNotify). Each connect and disconnect is a peer change, so authentication ends with
/// its connection exactly as on the ESP32's GATT server.
/// </summary>
public sealed class FakeGattLink : IByteTransport, IPeerPresence
{
    private readonly object _gate = new();
    private readonly Queue<byte[]> _toDevice = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private byte[]? _current;
    private int _currentOffset;
    private int _peerChanges;
    private bool _connected;
    private int _attMtu = 23;
    private Socket? _notifySocket;
    private Socket? _writeSocket;
    private Action<byte[]>? _notifyProperty;
    private long _deviceBytes;
    private long _hostBytes;

    /// <summary>Raised (once per threshold) when <see cref="DropAfterDeviceBytes"/> or <see cref="DropAfterHostBytes"/> is crossed.</summary>
    public event Action<string>? DropRequested;

    /// <summary>Drop the connection once the device has sent this many bytes in it (0: never).</summary>
    public long DropAfterDeviceBytes { get; set; }

    /// <summary>Drop the connection once the host has written this many bytes in it (0: never).</summary>
    public long DropAfterHostBytes { get; set; }

    /// <summary>The radio's air-time budget for notifications; null (the default) sends as fast as the host reads.</summary>
    public RadioPacing? Pacing { get; set; }

    /// <summary>Values that broke the profile (longer than ATT_MTU - 3); a correct host leaves this empty.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    public int PeerChanges => Volatile.Read(ref _peerChanges);

    public long DeviceBytes => Interlocked.Read(ref _deviceBytes);

    public long HostBytes => Interlocked.Read(ref _hostBytes);

    /// <summary>A host connected at <paramref name="attMtu"/>; counted before any of its bytes can be read.</summary>
    public void Connect(int attMtu)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _peerChanges);
            _connected = true;
            _attMtu = attMtu;
            _toDevice.Clear();
            _current = null;
            Interlocked.Exchange(ref _deviceBytes, 0);
            Interlocked.Exchange(ref _hostBytes, 0);
        }
    }

    /// <summary>The connection is gone: sockets close (the host sees HUP), nothing more is delivered.</summary>
    public void Disconnect()
    {
        Socket? notify, write;
        lock (_gate)
        {
            if (!_connected)
            {
                return;
            }

            Interlocked.Increment(ref _peerChanges);
            _connected = false;
            notify = _notifySocket;
            write = _writeSocket;
            _notifySocket = null;
            _writeSocket = null;
            _notifyProperty = null;
        }

        Close(notify);
        Close(write);
    }

    public void AttachNotifySocket(Socket socket)
    {
        lock (_gate)
        {
            _notifySocket = socket;
        }
    }

    public void NotifyThroughProperty(Action<byte[]> notify)
    {
        lock (_gate)
        {
            _notifyProperty = notify;
        }
    }

    public void AttachWriteSocket(Socket socket)
    {
        lock (_gate)
        {
            _writeSocket = socket;
        }

        var reader = new Thread(() => ReceiveWrites(socket)) { IsBackground = true, Name = "fake-bluez-write" };
        reader.Start();
    }

    /// <summary>One ATT write from the host (WriteValue or a datagram on the acquired socket).</summary>
    public void FromHost(ReadOnlySpan<byte> value)
    {
        int limit;
        lock (_gate)
        {
            if (!_connected)
            {
                return;
            }

            limit = _attMtu - 3;
            _toDevice.Enqueue(value.ToArray());
        }

        if (value.Length > limit)
        {
            _violations.Enqueue($"host wrote {value.Length} bytes in one value at ATT MTU {limit + 3}");
        }

        long total = Interlocked.Add(ref _hostBytes, value.Length);
        if (DropAfterHostBytes > 0 && total >= DropAfterHostBytes && total - value.Length < DropAfterHostBytes)
        {
            DropRequested?.Invoke("after " + total + " bytes from the host");
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            int copied = 0;
            while (copied < count)
            {
                if (_current is null)
                {
                    if (!_toDevice.TryDequeue(out _current))
                    {
                        break;
                    }

                    _currentOffset = 0;
                }

                int n = Math.Min(count - copied, _current.Length - _currentOffset);
                Array.Copy(_current, _currentOffset, buffer, offset + copied, n);
                _currentOffset += n;
                copied += n;
                if (_currentOffset == _current.Length)
                {
                    _current = null;
                }
            }

            return copied;
        }
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        Socket? socket;
        Action<byte[]>? notify;
        int attMtu;
        lock (_gate)
        {
            if (!_connected)
            {
                return; // no central: a peripheral's notifications go nowhere
            }

            socket = _notifySocket;
            notify = _notifyProperty;
            attMtu = _attMtu;
        }

        if (socket is null && notify is null)
        {
            return; // connected but not subscribed: BLE drops notifications too
        }

        try
        {
            RadioPacing? pacing = Pacing;
            NotificationSplitter.Split(buffer.AsSpan(offset, count), attMtu, value =>
            {
                pacing?.WaitForSlot();
                if (socket is not null)
                {
                    socket.Send(value);
                }
                else
                {
                    notify!(value.ToArray());
                }
            });
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return; // disconnected meanwhile
        }

        long total = Interlocked.Add(ref _deviceBytes, count);
        if (DropAfterDeviceBytes > 0 && total >= DropAfterDeviceBytes && total - count < DropAfterDeviceBytes)
        {
            DropRequested?.Invoke("after " + total + " bytes from the device");
        }
    }

    private void ReceiveWrites(Socket socket)
    {
        // Larger than any ATT value, so an over-long datagram is seen whole and reported rather than truncated.
        byte[] datagram = new byte[1024];
        try
        {
            while (true)
            {
                int n = socket.Receive(datagram);
                if (n == 0)
                {
                    return;
                }

                FromHost(datagram.AsSpan(0, n));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }

    private static void Close(Socket? socket)
    {
        if (socket is null)
        {
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }

        socket.Dispose();
    }
}
