using Wearable.EdgeHost.Connections;
using Wearable.FakeBlueZ;

namespace Wearable.EdgeHost.Ble.Tests;

/// <summary>Scanning and connecting through the real D-Bus protocol against the fake BlueZ.</summary>
[Collection(FakeBlueZCollection.Name)]
public sealed class BleConnectTests(FakeBlueZFixture fixture)
{
    [Fact]
    public async Task Scan_lists_wearable_devices_by_service_uuid_and_not_foreign_ones()
    {
        FakePeripheral ours = fixture.AddPeripheral();
        FakePeripheral foreign = fixture.AddPeripheral(new FakePeripheralOptions { Uuids = ["6e400001-b5a3-f393-e0a9-e50e24dcca9e"], Device = null, Name = "some-uart-gadget" });
        using var done = new CancellationTokenSource();
        var found = new List<BleAdvertisement>();
        Task scan = BleScanner.ScanAsync(advertisement =>
        {
            lock (found)
            {
                found.Add(advertisement);
                if (advertisement.Address == ours.Address)
                {
                    done.Cancel();
                }
            }
        }, cancellationToken: done.Token);
        await scan;

        Assert.Contains(found, a => a.Address == ours.Address && a.Name == "wearable-virtual" && a.Connection == ours.Connection);
        Assert.DoesNotContain(found, a => a.Address == foreign.Address);
        Assert.Contains(BleGattProfile.ServiceUuid, fixture.BlueZ.DiscoveryFilterUuids);
    }

    [Fact]
    public void Connect_says_hello_over_the_acquired_sockets()
    {
        FakePeripheral peripheral = fixture.AddPeripheral();
        var connector = new DeviceConnector(FakeBlueZFixture.NewKeyStore());
        using DeviceLink link = connector.Open(ConnectionString.Parse(peripheral.Connection));
        var info = connector.Hello(link);

        Assert.Equal(Convert.ToHexStringLower(peripheral.Board!.Device.DeviceId), link.DeviceId);
        Assert.True(peripheral.NotifyAcquired);
        Assert.Empty(peripheral.Link.Violations);
    }
}
