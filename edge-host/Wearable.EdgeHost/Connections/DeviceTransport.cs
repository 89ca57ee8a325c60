using System.Net.Sockets;
using Wearable.EdgeHost.Transports;

namespace Wearable.EdgeHost.Connections;

/// <summary>Opens the byte stream a connection string names: serial port or pty, TCP socket, or a launched device.</summary>
public static class DeviceTransport
{
    /// <summary>
    /// Opens the link. For sim:// the launcher starts a device; its result is returned in
    /// <paramref name="launched"/> so the caller can stop it when done.
    /// </summary>
    public static Stream Open(ConnectionString connection, IDeviceLauncher? launcher, out LaunchedDevice? launched)
    {
        ArgumentNullException.ThrowIfNull(connection);
        launched = null;
        switch (connection.Kind)
        {
            case ConnectionKind.Serial:
                return SerialTransport.Open(connection.Target, new SerialSettings { BaudRate = connection.Baud });
            case ConnectionKind.Tcp:
                var client = new TcpClient { NoDelay = true };
                try
                {
                    client.Connect(connection.Host, connection.Port);
                }
                catch (SocketException ex)
                {
                    client.Dispose();
                    throw new IOException($"Cannot connect to {connection.Target}: {ex.SocketErrorCode}. Is the device (or 'wearable simulate --transport tcp') running?", ex);
                }

                return client.GetStream();
            case ConnectionKind.Simulated:
                IDeviceLauncher chosen = launcher ?? DeviceLaunchers.Simulated
                    ?? throw new NotSupportedException("sim:// needs a device launcher: the wearable CLI registers one; in code pass DeviceSessionOptions.Launcher.");
                launched = chosen.Launch(connection);
                return launched.Link;
            default:
                throw new NotSupportedException($"Unknown connection kind {connection.Kind}.");
        }
    }
}
