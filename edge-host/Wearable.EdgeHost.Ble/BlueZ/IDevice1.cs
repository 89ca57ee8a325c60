using Tmds.DBus;

namespace Wearable.EdgeHost.Ble.BlueZ;

/// <summary>A remote device BlueZ has seen: connect, disconnect, Connected and ServicesResolved.</summary>
[DBusInterface("org.bluez.Device1")]
public interface IDevice1 : IDBusObject
{
    Task ConnectAsync();

    Task DisconnectAsync();

    Task<object> GetAsync(string prop);

    Task<IDictionary<string, object>> GetAllAsync();

    Task SetAsync(string prop, object val);

    Task<IDisposable> WatchPropertiesAsync(Action<PropertyChanges> handler);
}
