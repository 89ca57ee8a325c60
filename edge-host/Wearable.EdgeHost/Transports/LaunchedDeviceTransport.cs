using Wearable.EdgeHost.Connections;

namespace Wearable.EdgeHost.Transports;

/// <summary>
/// <c>sim://</c>: asks a launcher to start a device and returns the host end of its link. The host
/// library never references the firmware, so the launcher comes from the caller (the CLI registers its
/// virtual device in <see cref="DeviceLaunchers.Simulated"/>).
/// </summary>
public sealed class LaunchedDeviceTransport(IDeviceLauncher? launcher) : IDeviceTransport
{
    public ConnectionKind Kind => ConnectionKind.Simulated;

    public Stream Open(ConnectionString connection, CancellationToken cancellationToken, out LaunchedDevice? launched)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();
        IDeviceLauncher chosen = launcher ?? DeviceLaunchers.Simulated
            ?? throw new NotSupportedException("sim:// needs a device launcher: the wearable CLI registers one; in code pass DeviceSessionOptions.Launcher.");
        launched = chosen.Launch(connection);
        return launched.Link;
    }
}
