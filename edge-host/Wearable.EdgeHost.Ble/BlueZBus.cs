using Tmds.DBus;
using Wearable.EdgeHost.Ble.BlueZ;

namespace Wearable.EdgeHost.Ble;

/// <summary>
/// A connection to the system bus and BlueZ's object tree on it. The bus address comes from
/// <c>DBUS_SYSTEM_BUS_ADDRESS</c> when set (tests point it at a private bus), else the standard socket.
/// </summary>
internal sealed class BlueZBus : IDisposable
{
    private BlueZBus(Connection connection, string address)
    {
        Connection = connection;
        Address = address;
        Objects = connection.CreateProxy<IObjectManager>(BlueZNames.Service, ObjectPath.Root);
    }

    public Connection Connection { get; }

    public string Address { get; }

    public IObjectManager Objects { get; }

    public static async Task<BlueZBus> OpenAsync(string? address = null)
    {
        address ??= Tmds.DBus.Address.System ?? "unix:path=/var/run/dbus/system_bus_socket";
        var connection = new Connection(address);
        try
        {
            await connection.ConnectAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectException or IOException or System.Net.Sockets.SocketException)
        {
            connection.Dispose();
            throw new IOException($"Cannot reach the D-Bus system bus at {address} ({ex.Message}): BLE needs BlueZ; is dbus running?", ex);
        }

        return new BlueZBus(connection, address);
    }

    /// <summary>Everything BlueZ knows; a clear error when BlueZ is not on the bus.</summary>
    public async Task<IDictionary<ObjectPath, IDictionary<string, IDictionary<string, object>>>> ManagedObjectsAsync()
    {
        try
        {
            return await Objects.GetManagedObjectsAsync().ConfigureAwait(false);
        }
        catch (DBusException ex) when (ex.ErrorName is "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NameHasNoOwner")
        {
            throw new IOException($"BlueZ is not running (no org.bluez on the system bus {Address}): start it with 'systemctl start bluetooth'.", ex);
        }
    }

    /// <summary>The adapter named <paramref name="name"/> (e.g. hci0), or the first one when empty.</summary>
    public static ObjectPath FindAdapter(IDictionary<ObjectPath, IDictionary<string, IDictionary<string, object>>> objects, string name)
    {
        ObjectPath? chosen = objects
            .Where(entry => entry.Value.ContainsKey(BlueZNames.Adapter))
            .Select(entry => (ObjectPath?)entry.Key)
            .Where(path => name.Length == 0 || path!.Value.ToString().EndsWith("/" + name, StringComparison.Ordinal))
            .OrderBy(path => path!.Value.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
        return chosen ?? throw new IOException(name.Length == 0
            ? "No Bluetooth adapter: BlueZ lists no org.bluez.Adapter1. Plug one in or check 'bluetoothctl list'."
            : $"No Bluetooth adapter named {name}: 'bluetoothctl list' shows the ones there are.");
    }

    /// <summary>True when a Device1 property set advertises the Wearable service.</summary>
    public static bool AdvertisesWearable(IDictionary<string, object> device) =>
        device.TryGetValue("UUIDs", out object? uuids) && uuids is string[] list
        && list.Any(uuid => string.Equals(uuid, BleGattProfile.ServiceUuid, StringComparison.OrdinalIgnoreCase));

    public static BleAdvertisement Describe(IDictionary<string, object> device) => new(
        device.TryGetValue("Address", out object? address) ? (string)address : "?",
        device.TryGetValue("Name", out object? name) ? (string)name : string.Empty,
        device.TryGetValue("RSSI", out object? rssi) ? (short)rssi : null);

    public void Dispose() => Connection.Dispose();
}
