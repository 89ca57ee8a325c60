using Tmds.DBus;
using Wearable.EdgeHost.Ble.BlueZ;

namespace Wearable.FakeBlueZ;

/// <summary>
/// A fake <c>org.bluez</c> on a bus: the ObjectManager at <c>/</c>, one adapter (hci0) and the
/// peripherals added with <see cref="AddPeripheral"/>. The host's BLE transport talks real D-Bus to it
/// (method calls, signals, unix-fd passing), so everything but the radio is the production path.
/// </summary>
public sealed class FakeBluetooth : IObjectManager, IDisposable
{
    public static readonly ObjectPath AdapterPath = new("/org/bluez/hci0");

    private readonly Connection _connection;
    private readonly Dictionary<ObjectPath, (string Interface, FakeProperties Object)> _exported = new();
    private readonly List<FakePeripheral> _peripherals = new();
    private readonly FakeAdapter _adapter;
    private Action<(ObjectPath @object, IDictionary<string, IDictionary<string, object>> interfaces)>? _added;
    private Action<(ObjectPath @object, string[] interfaces)>? _removed;

    private FakeBluetooth(Connection connection)
    {
        _connection = connection;
        _adapter = new FakeAdapter(AdapterPath, this);
        _adapter.Set("Address", "00:1A:7D:DA:71:13", announce: false);
        _adapter.Set("Powered", true, announce: false);
        _adapter.Set("Discovering", false, announce: false);
    }

    public ObjectPath ObjectPath => ObjectPath.Root;

    /// <summary>The UUIDs of the last discovery filter (empty before any).</summary>
    public string[] DiscoveryFilterUuids => _adapter.FilterUuids;

    /// <summary>Connects to the bus at <paramref name="busAddress"/>, owns org.bluez and exports the adapter.</summary>
    public static async Task<FakeBluetooth> StartAsync(string busAddress)
    {
        var connection = new Connection(busAddress);
        await connection.ConnectAsync().ConfigureAwait(false);
        var bluez = new FakeBluetooth(connection);
        await connection.RegisterObjectAsync(bluez).ConfigureAwait(false);
        await bluez.ExportAsync(BlueZNames.Adapter, bluez._adapter).ConfigureAwait(false);
        await connection.RegisterServiceAsync(BlueZNames.Service).ConfigureAwait(false);
        return bluez;
    }

    /// <summary>Adds a device that advertises from now on; it becomes a D-Bus object when a scan finds it.</summary>
    public FakePeripheral AddPeripheral(FakePeripheralOptions options)
    {
        var peripheral = new FakePeripheral(this, AdapterPath, options);
        lock (_peripherals)
        {
            _peripherals.Add(peripheral);
        }

        return peripheral;
    }

    public Task<IDictionary<ObjectPath, IDictionary<string, IDictionary<string, object>>>> GetManagedObjectsAsync()
    {
        var result = new Dictionary<ObjectPath, IDictionary<string, IDictionary<string, object>>>();
        lock (_exported)
        {
            foreach (var entry in _exported)
            {
                result[entry.Key] = new Dictionary<string, IDictionary<string, object>> { [entry.Value.Interface] = entry.Value.Object.Snapshot() };
            }
        }

        return Task.FromResult<IDictionary<ObjectPath, IDictionary<string, IDictionary<string, object>>>>(result);
    }

    public Task<IDisposable> WatchInterfacesAddedAsync(Action<(ObjectPath @object, IDictionary<string, IDictionary<string, object>> interfaces)> handler, Action<Exception>? onError = null)
    {
        _added = handler;
        return Task.FromResult<IDisposable>(new Unwatch(() => _added = null));
    }

    public Task<IDisposable> WatchInterfacesRemovedAsync(Action<(ObjectPath @object, string[] interfaces)> handler, Action<Exception>? onError = null)
    {
        _removed = handler;
        return Task.FromResult<IDisposable>(new Unwatch(() => _removed = null));
    }

    public async Task DiscoverAsync(string[] filterUuids)
    {
        FakePeripheral[] peripherals;
        lock (_peripherals)
        {
            peripherals = _peripherals.ToArray();
        }

        foreach (FakePeripheral peripheral in peripherals.Where(p => p.Advertises(filterUuids)))
        {
            await peripheral.AnnounceAsync().ConfigureAwait(false);
        }
    }

    internal async Task ExportAsync(string iface, FakeProperties exported)
    {
        await _connection.RegisterObjectAsync((IDBusObject)exported).ConfigureAwait(false);
        lock (_exported)
        {
            _exported[exported.ObjectPath] = (iface, exported);
        }

        _added?.Invoke((exported.ObjectPath, new Dictionary<string, IDictionary<string, object>> { [iface] = exported.Snapshot() }));
    }

    internal void Unexport(string iface, FakeProperties exported)
    {
        lock (_exported)
        {
            if (!_exported.Remove(exported.ObjectPath))
            {
                return;
            }
        }

        _connection.UnregisterObject(exported.ObjectPath);
        _removed?.Invoke((exported.ObjectPath, [iface]));
    }

    public void Dispose()
    {
        FakePeripheral[] peripherals;
        lock (_peripherals)
        {
            peripherals = _peripherals.ToArray();
        }

        foreach (FakePeripheral peripheral in peripherals)
        {
            peripheral.Dispose();
        }

        _connection.Dispose();
    }

    private sealed class Unwatch(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
