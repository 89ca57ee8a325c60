using Wearable.EdgeHost.Ble;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Pairing;
using Wearable.FakeBlueZ;

namespace Wearable.EdgeHost.Ble.Tests;

/// <summary>
/// One private dbus-daemon with the fake org.bluez for all BLE tests (they share the process-wide
/// DBUS_SYSTEM_BUS_ADDRESS, so they run as one collection). Each test adds its own peripheral with its
/// own address and uses its own key store.
/// </summary>
public sealed class FakeBlueZFixture : IDisposable
{
    private static int _nextAddress;

    public FakeBlueZFixture()
    {
        Bus = PrivateBus.Start();
        Environment.SetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS", Bus.Address);
        BlueZ = FakeBluetooth.StartAsync(Bus.Address).GetAwaiter().GetResult();
        DeviceTransports.Register(new BleDeviceTransport());
    }

    public PrivateBus Bus { get; }

    public FakeBluetooth BlueZ { get; }

    /// <summary>A fresh peripheral with a unique address (tests share the adapter).</summary>
    public FakePeripheral AddPeripheral(FakePeripheralOptions? options = null)
    {
        int n = Interlocked.Increment(ref _nextAddress);
        options ??= new FakePeripheralOptions();
        return BlueZ.AddPeripheral(options with { Address = "C0:FF:EE:00:" + (n / 256).ToString("X2") + ":" + (n % 256).ToString("X2") });
    }

    public static HostKeyStore NewKeyStore() => new(Directory.CreateTempSubdirectory("wearable-ble-keys-").FullName);

    public void Dispose()
    {
        BlueZ.Dispose();
        Bus.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FakeBlueZCollection : ICollectionFixture<FakeBlueZFixture>
{
    public const string Name = "fake BlueZ";
}
