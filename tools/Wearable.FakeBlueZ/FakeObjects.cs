using Tmds.DBus;
using Wearable.EdgeHost.Ble.BlueZ;

namespace Wearable.FakeBlueZ;

/// <summary>The fake's Adapter1: discovery announces the peripherals its filter lets through.</summary>
internal sealed class FakeAdapter(ObjectPath path, FakeBluetooth bluez) : FakeProperties(path), IAdapter1
{
    private string[] _filterUuids = [];

    public string[] FilterUuids => _filterUuids;

    public Task SetDiscoveryFilterAsync(IDictionary<string, object> filter)
    {
        _filterUuids = filter.TryGetValue("UUIDs", out object? uuids) && uuids is string[] list ? list : [];
        return Task.CompletedTask;
    }

    public async Task StartDiscoveryAsync()
    {
        Set("Discovering", true);
        await bluez.DiscoverAsync(_filterUuids).ConfigureAwait(false);
    }

    public Task StopDiscoveryAsync()
    {
        Set("Discovering", false);
        return Task.CompletedTask;
    }
}

/// <summary>The fake's Device1: Connect and Disconnect drive its <see cref="FakePeripheral"/>.</summary>
internal sealed class FakeDevice(ObjectPath path, FakePeripheral peripheral) : FakeProperties(path), IDevice1
{
    public Task ConnectAsync() => peripheral.ConnectAsync();

    public Task DisconnectAsync() => peripheral.DisconnectAsync("the host asked");
}

/// <summary>The fake's GattService1 (the Wearable service).</summary>
internal sealed class FakeService(ObjectPath path) : FakeProperties(path), IGattService1
{
}

/// <summary>One of the three Wearable characteristics; the behaviour lives in the peripheral's link.</summary>
internal sealed class FakeCharacteristic(ObjectPath path, FakePeripheral peripheral, string uuid) : FakeProperties(path), IGattCharacteristic1
{
    public string Uuid { get; } = uuid;

    public Task<byte[]> ReadValueAsync(IDictionary<string, object> options) => Task.FromResult(peripheral.Read(Uuid));

    public Task WriteValueAsync(byte[] value, IDictionary<string, object> options) => peripheral.WriteAsync(Uuid, value);

    public Task<(CloseSafeHandle fd, ushort mtu)> AcquireWriteAsync(IDictionary<string, object> options) => peripheral.AcquireAsync(this, notify: false);

    public Task<(CloseSafeHandle fd, ushort mtu)> AcquireNotifyAsync(IDictionary<string, object> options) => peripheral.AcquireAsync(this, notify: true);

    public Task StartNotifyAsync() => peripheral.StartNotifyAsync(this);

    public Task StopNotifyAsync() => peripheral.StopNotifyAsync(this);
}
