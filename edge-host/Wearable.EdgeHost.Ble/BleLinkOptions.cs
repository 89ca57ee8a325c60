using Wearable.EdgeHost.Connections;

namespace Wearable.EdgeHost.Ble;

/// <summary>
/// Options of a <c>ble://</c> connection string: <c>adapter</c> (e.g. hci1; default the first),
/// <c>scan</c> (seconds to look for a device BlueZ does not know yet, default 10) and <c>resolve</c>
/// (seconds for connect plus service resolution, default 20).
/// </summary>
public sealed record BleLinkOptions(string Address, string Adapter, TimeSpan ScanTimeout, TimeSpan ResolveTimeout)
{
    public static BleLinkOptions From(ConnectionString connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        int scan = connection.GetInt("scan", 10);
        int resolve = connection.GetInt("resolve", 20);
        if (scan <= 0 || resolve <= 0)
        {
            throw new FormatException($"Connection '{connection.Text}': scan and resolve are positive numbers of seconds.");
        }

        return new BleLinkOptions(connection.Target, connection.GetString("adapter", string.Empty), TimeSpan.FromSeconds(scan), TimeSpan.FromSeconds(resolve));
    }
}
