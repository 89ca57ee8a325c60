using Wearable.EdgeHost.Connections;

namespace Wearable.EdgeHost.Transports;

/// <summary><c>serial:///dev/ttyUSB0?baud=N</c> or a bare device path: a USB serial adapter or a pseudo-terminal.</summary>
public sealed class SerialDeviceTransport : IDeviceTransport
{
    public ConnectionKind Kind => ConnectionKind.Serial;

    public Stream Open(ConnectionString connection, CancellationToken cancellationToken, out LaunchedDevice? launched)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();
        launched = null;
        return SerialTransport.Open(connection.Target, new SerialSettings { BaudRate = connection.Baud });
    }
}
