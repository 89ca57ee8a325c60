using Tmds.DBus;

namespace Wearable.FakeBlueZ;

/// <summary>org.bluez.GattService1 (properties only): the host transport finds characteristics by UUID, so only the fake needs it.</summary>
[DBusInterface("org.bluez.GattService1")]
public interface IGattService1 : IDBusObject
{
    Task<object> GetAsync(string prop);

    Task<IDictionary<string, object>> GetAllAsync();

    Task SetAsync(string prop, object val);

    Task<IDisposable> WatchPropertiesAsync(Action<PropertyChanges> handler);
}
