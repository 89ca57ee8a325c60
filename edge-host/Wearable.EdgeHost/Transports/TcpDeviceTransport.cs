using System.Net.Sockets;
using Wearable.EdgeHost.Connections;

namespace Wearable.EdgeHost.Transports;

/// <summary><c>tcp://host:port</c>: a device (or 'wearable simulate --transport tcp') listening on a socket.</summary>
public sealed class TcpDeviceTransport : IDeviceTransport
{
    public ConnectionKind Kind => ConnectionKind.Tcp;

    public Stream Open(ConnectionString connection, CancellationToken cancellationToken, out LaunchedDevice? launched)
    {
        ArgumentNullException.ThrowIfNull(connection);
        launched = null;
        var client = new TcpClient { NoDelay = true };
        try
        {
            client.ConnectAsync(connection.Host, connection.Port, cancellationToken).AsTask().GetAwaiter().GetResult();
        }
        catch (SocketException ex)
        {
            client.Dispose();
            throw new IOException($"Cannot connect to {connection.Target}: {ex.SocketErrorCode}. Is the device (or 'wearable simulate --transport tcp') running?", ex);
        }
        catch (OperationCanceledException)
        {
            client.Dispose();
            throw;
        }

        return client.GetStream();
    }
}
