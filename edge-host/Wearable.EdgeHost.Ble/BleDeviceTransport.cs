using Wearable.EdgeHost.Connections;

namespace Wearable.EdgeHost.Ble;

/// <summary><c>ble://AA:BB:CC:DD:EE:FF</c>: a Wearable device over Bluetooth Low Energy through BlueZ (docs/ble.md).</summary>
public sealed class BleDeviceTransport : IDeviceTransport
{
    public ConnectionKind Kind => ConnectionKind.Ble;

    public Stream Open(ConnectionString connection, CancellationToken cancellationToken, out LaunchedDevice? launched)
    {
        ArgumentNullException.ThrowIfNull(connection);
        launched = null;
        return BleLinkOpener.OpenAsync(BleLinkOptions.From(connection), cancellationToken).GetAwaiter().GetResult();
    }
}
