using Tmds.DBus;

namespace Wearable.EdgeHost.Ble.BlueZ;

/// <summary>A Bluetooth controller (<c>/org/bluez/hci0</c>): scanning.</summary>
[DBusInterface("org.bluez.Adapter1")]
public interface IAdapter1 : IDBusObject
{
    Task SetDiscoveryFilterAsync(IDictionary<string, object> filter);

    Task StartDiscoveryAsync();

    Task StopDiscoveryAsync();

    Task<object> GetAsync(string prop);

    Task<IDictionary<string, object>> GetAllAsync();

    Task SetAsync(string prop, object val);

    Task<IDisposable> WatchPropertiesAsync(Action<PropertyChanges> handler);
}
