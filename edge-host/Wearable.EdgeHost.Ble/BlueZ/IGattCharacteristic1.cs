using Tmds.DBus;

namespace Wearable.EdgeHost.Ble.BlueZ;

/// <summary>
/// One GATT characteristic of a connected device. AcquireNotify/AcquireWrite hand out one end of a
/// SOCK_SEQPACKET socket pair (one datagram per ATT value) and the negotiated ATT MTU; StartNotify and
/// WriteValue are the slower D-Bus-message path used when acquiring is refused.
/// </summary>
[DBusInterface("org.bluez.GattCharacteristic1")]
public interface IGattCharacteristic1 : IDBusObject
{
    Task<byte[]> ReadValueAsync(IDictionary<string, object> options);

    Task WriteValueAsync(byte[] value, IDictionary<string, object> options);

    Task<(CloseSafeHandle fd, ushort mtu)> AcquireWriteAsync(IDictionary<string, object> options);

    Task<(CloseSafeHandle fd, ushort mtu)> AcquireNotifyAsync(IDictionary<string, object> options);

    Task StartNotifyAsync();

    Task StopNotifyAsync();

    Task<object> GetAsync(string prop);

    Task<IDictionary<string, object>> GetAllAsync();

    Task SetAsync(string prop, object val);

    Task<IDisposable> WatchPropertiesAsync(Action<PropertyChanges> handler);
}
