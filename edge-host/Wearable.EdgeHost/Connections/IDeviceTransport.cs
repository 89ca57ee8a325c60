namespace Wearable.EdgeHost.Connections;

/// <summary>
/// One way of reaching a device: opens the byte stream that a connection string of its <see cref="Kind"/>
/// names. Framing, hello and authentication belong to <see cref="DeviceConnector"/>, so a transport only
/// moves bytes; a new one (nanoCLR, BLE) is one class registered with <see cref="DeviceConnector.Register"/>.
/// </summary>
public interface IDeviceTransport
{
    /// <summary>The connection strings this transport opens.</summary>
    ConnectionKind Kind { get; }

    /// <summary>
    /// Opens the stream; when opening starts a device (sim://) it comes back in <paramref name="launched"/>,
    /// to be disposed with the link. Throws <see cref="IOException"/> (or a subclass) saying what to do.
    /// </summary>
    Stream Open(ConnectionString connection, CancellationToken cancellationToken, out LaunchedDevice? launched);
}
