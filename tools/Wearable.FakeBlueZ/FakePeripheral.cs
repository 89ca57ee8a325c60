using System.Text;
using Tmds.DBus;
using Wearable.EdgeHost.Ble;
using Wearable.EdgeHost.Ble.BlueZ;
using Wearable.VirtualDevice;

namespace Wearable.FakeBlueZ;

/// <summary>
/// One advertising device in the fake BlueZ: its Device1 object once discovered, the Wearable GATT
/// service and characteristics while connected (exported after Connect, removed on disconnect, as
/// BlueZ does) and the virtual device behind it.
/// </summary>
public sealed class FakePeripheral : IDisposable
{
    private readonly FakeBluetooth _bluez;
    private readonly FakeDevice _device;
    private readonly FakeService _service;
    private readonly FakeCharacteristic[] _characteristics;
    private readonly object _gate = new();
    private bool _discovered;
    private bool _connected;

    internal FakePeripheral(FakeBluetooth bluez, ObjectPath adapter, FakePeripheralOptions options)
    {
        _bluez = bluez;
        Options = options;
        ObjectPath path = BlueZNames.DevicePath(adapter, options.Address);
        _device = new FakeDevice(path, this);
        _device.Set("Address", options.Address, announce: false);
        _device.Set("AddressType", "random", announce: false);
        _device.Set("Name", options.Name, announce: false);
        _device.Set("Alias", options.Name, announce: false);
        _device.Set("RSSI", (short)-52, announce: false);
        _device.Set("UUIDs", options.Uuids, announce: false);
        _device.Set("Adapter", adapter, announce: false);
        _device.Set("Connected", false, announce: false);
        _device.Set("ServicesResolved", false, announce: false);
        _device.Set("Paired", false, announce: false);

        var servicePath = new ObjectPath(path + "/service0010");
        _service = new FakeService(servicePath);
        _service.Set("UUID", options.Uuids.Length > 0 ? options.Uuids[0] : BleGattProfile.ServiceUuid, announce: false);
        _service.Set("Primary", true, announce: false);
        _service.Set("Device", path, announce: false);
        // A foreign device (not advertising our service) has characteristics of its own, e.g. a UART service.
        bool wearable = options.Uuids.Contains(BleGattProfile.ServiceUuid, StringComparer.OrdinalIgnoreCase);
        _characteristics =
        [
            Characteristic(servicePath, "char0011", wearable ? BleGattProfile.StreamUuid : "6e400003-b5a3-f393-e0a9-e50e24dcca9e", ["notify"]),
            Characteristic(servicePath, "char0014", wearable ? BleGattProfile.CommandUuid : "6e400002-b5a3-f393-e0a9-e50e24dcca9e", ["write-without-response", "write"]),
            Characteristic(servicePath, "char0016", wearable ? BleGattProfile.InfoUuid : "00002a29-0000-1000-8000-00805f9b34fb", ["read"]),
        ];

        if (options.Device is { } device)
        {
            Board = new VirtualBoard(device, Link);
            Board.Start();
        }

        Link.DropRequested += why => _ = DisconnectAsync("fault injection " + why);
    }

    public FakePeripheralOptions Options { get; }

    public string Address => Options.Address;

    /// <summary>The connection string that reaches this peripheral.</summary>
    public string Connection => "ble://" + Options.Address;

    /// <summary>The device-side transport the virtual board reads and writes.</summary>
    public FakeGattLink Link { get; } = new();

    public VirtualBoard? Board { get; }

    /// <summary>How many times a host connected.</summary>
    public int Connections { get; private set; }

    /// <summary>True while the host holds the notify characteristic through AcquireNotify (not StartNotify).</summary>
    public bool NotifyAcquired { get; private set; }

    internal ObjectPath DevicePath => _device.ObjectPath;

    internal bool Advertises(string[] filterUuids) =>
        filterUuids.Length == 0 || Options.Uuids.Any(uuid => filterUuids.Contains(uuid, StringComparer.OrdinalIgnoreCase));

    /// <summary>Called by discovery: the device object appears (once).</summary>
    internal async Task AnnounceAsync()
    {
        lock (_gate)
        {
            if (_discovered)
            {
                return;
            }

            _discovered = true;
        }

        await _bluez.ExportAsync(BlueZNames.Device, _device).ConfigureAwait(false);
    }

    internal async Task ConnectAsync()
    {
        if (Options.VanishOnConnect)
        {
            // Connected, then gone before ServicesResolved: out of range mid-resolution. The removal goes out
            // before Connect's reply, as BlueZ's would when the link drops during discovery.
            _device.Set("Connected", true);
            _bluez.Unexport(BlueZNames.Device, _device);
            _discovered = false;
            return;
        }

        lock (_gate)
        {
            if (_connected)
            {
                return;
            }

            _connected = true;
            Connections++;
        }

        Link.Connect(Options.AttMtu);
        _device.Set("Connected", true);
        await _bluez.ExportAsync(BlueZNames.GattService, _service).ConfigureAwait(false);
        foreach (FakeCharacteristic characteristic in _characteristics)
        {
            characteristic.Set("Notifying", false, announce: false);
            characteristic.Set("NotifyAcquired", false, announce: false);
            characteristic.Set("WriteAcquired", false, announce: false);
            await _bluez.ExportAsync(BlueZNames.GattCharacteristic, characteristic).ConfigureAwait(false);
        }

        _device.Set("ServicesResolved", true);
    }

    /// <summary>Drops the connection (the device walked out of range, or the host asked).</summary>
    public Task DisconnectAsync(string why)
    {
        lock (_gate)
        {
            if (!_connected)
            {
                return Task.CompletedTask;
            }

            _connected = false;
            NotifyAcquired = false;
        }

        Link.Disconnect();
        _device.Set("ServicesResolved", false);
        _device.Set("Connected", false);
        foreach (FakeCharacteristic characteristic in _characteristics)
        {
            _bluez.Unexport(BlueZNames.GattCharacteristic, characteristic);
        }

        _bluez.Unexport(BlueZNames.GattService, _service);
        return Task.CompletedTask;
    }

    internal byte[] Read(string uuid)
    {
        if (uuid != BleGattProfile.InfoUuid)
        {
            throw new DBusException("org.bluez.Error.NotPermitted", "Read not permitted");
        }

        string id = Board is null ? "none" : Convert.ToHexStringLower(Board.Device.DeviceId);
        return Encoding.UTF8.GetBytes("Wearable id=" + id + " board=" + (Options.Device?.Board ?? "none"));
    }

    internal Task WriteAsync(string uuid, byte[] value)
    {
        if (uuid != BleGattProfile.CommandUuid)
        {
            throw new DBusException("org.bluez.Error.NotPermitted", "Write not permitted");
        }

        if (value.Length > Options.AttMtu - 3)
        {
            throw new DBusException("org.bluez.Error.InvalidValueLength", $"{value.Length} bytes exceed ATT MTU {Options.AttMtu} - 3");
        }

        Link.FromHost(value);
        return Task.CompletedTask;
    }

    internal Task<(CloseSafeHandle fd, ushort mtu)> AcquireAsync(FakeCharacteristic characteristic, bool notify)
    {
        string expected = notify ? BleGattProfile.StreamUuid : BleGattProfile.CommandUuid;
        if (Options.RefuseAcquire || characteristic.Uuid != expected)
        {
            throw new DBusException("org.bluez.Error.NotSupported", "Operation is not supported");
        }

        (System.Net.Sockets.Socket kept, CloseSafeHandle given) = SocketPair.Create();
        if (notify)
        {
            Link.AttachNotifySocket(kept);
            NotifyAcquired = true;
            characteristic.Set("NotifyAcquired", true);
        }
        else
        {
            Link.AttachWriteSocket(kept);
            characteristic.Set("WriteAcquired", true);
        }

        return Task.FromResult((given, (ushort)Options.AttMtu));
    }

    internal Task StartNotifyAsync(FakeCharacteristic characteristic)
    {
        if (characteristic.Uuid != BleGattProfile.StreamUuid)
        {
            throw new DBusException("org.bluez.Error.NotSupported", "Operation is not supported");
        }

        Link.NotifyThroughProperty(value => characteristic.Set("Value", value));
        characteristic.Set("Notifying", true);
        return Task.CompletedTask;
    }

    internal Task StopNotifyAsync(FakeCharacteristic characteristic)
    {
        characteristic.Set("Notifying", false);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Link.Disconnect();
        Board?.Dispose();
    }

    private FakeCharacteristic Characteristic(ObjectPath service, string name, string uuid, string[] flags)
    {
        var characteristic = new FakeCharacteristic(new ObjectPath(service + "/" + name), this, uuid);
        characteristic.Set("UUID", uuid, announce: false);
        characteristic.Set("Service", service, announce: false);
        characteristic.Set("Flags", flags, announce: false);
        characteristic.Set("MTU", (ushort)Options.AttMtu, announce: false);
        characteristic.Set("Value", Array.Empty<byte>(), announce: false);
        return characteristic;
    }
}
