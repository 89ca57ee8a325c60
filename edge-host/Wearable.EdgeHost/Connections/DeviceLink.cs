using Wearable.EdgeHost.Link;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Connections;

/// <summary>
/// An open link to one device as <see cref="DeviceConnector"/> hands it out: the link client, what the
/// device said in Hello, the credentials it accepted, and the device a sim:// connection started.
/// Disposing it closes the link and stops a launched device.
/// </summary>
public sealed class DeviceLink : IDisposable
{
    internal DeviceLink(ConnectionString connection, DeviceLinkClient client, LaunchedDevice? launched)
    {
        Connection = connection;
        Client = client;
        Launched = launched;
    }

    public ConnectionString Connection { get; }

    /// <summary>The protocol client over the transport's stream.</summary>
    public DeviceLinkClient Client { get; }

    /// <summary>The device started for a sim:// connection, else null.</summary>
    public LaunchedDevice? Launched { get; }

    /// <summary>The device's Hello answer (after <see cref="DeviceConnector.Hello"/>).</summary>
    public DeviceInfoMessage? Info { get; internal set; }

    /// <summary>Lowercase hex device id from Hello, or the empty string before it.</summary>
    public string DeviceId => Info is null ? string.Empty : Convert.ToHexStringLower(Info.DeviceId);

    /// <summary>The credentials the device accepted (after <see cref="DeviceConnector.Authenticate"/>).</summary>
    public HostCredentials? Credentials { get; internal set; }

    /// <summary>What is connected, for status lines: the launched device or the connection string.</summary>
    public string Description => Launched?.Description ?? Connection.Text;

    /// <summary>Board, firmware and where, e.g. "virtual firmware 1.4.0 on /dev/pts/3" (after Hello).</summary>
    public string Summary => Info is null
        ? Description
        : $"{Info.GetBoardName()} firmware {Info.FirmwareMajor}.{Info.FirmwareMinor}.{Info.FirmwarePatch} on {Description}";

    public void Dispose()
    {
        // A launched device goes first so the link's reader sees end-of-stream rather than a closed handle.
        Launched?.Dispose();
        Client.Dispose();
    }
}
