using Wearable.FakeBlueZ;
using Wearable.VirtualDevice;

namespace Wearable.Cli.Devices;

/// <summary>
/// A virtual device behind the fake BlueZ on a private dbus-daemon, for 'bench link --transport ble': the
/// host reaches it through ble://, the production BLE transport, with notifications paced to a radio's
/// air-time budget. Points this process's system bus at the private one while it lives.
/// </summary>
public sealed class FakeBleDevice : IDisposable
{
    private readonly PrivateBus _bus;
    private readonly FakeBluetooth _bluez;
    private readonly string? _previousBus;

    private FakeBleDevice(PrivateBus bus, FakeBluetooth bluez, FakePeripheral peripheral, string? previousBus)
    {
        _bus = bus;
        _bluez = bluez;
        Peripheral = peripheral;
        _previousBus = previousBus;
    }

    public FakePeripheral Peripheral { get; }

    public VirtualBoard Board => Peripheral.Board!;

    public string Connection => Peripheral.Connection;

    public static FakeBleDevice Start(VirtualDeviceOptions device, int attMtu, RadioPacing pacing)
    {
        PrivateBus bus;
        try
        {
            bus = PrivateBus.Start();
        }
        catch (InvalidOperationException ex)
        {
            throw new CliException(ex.Message, "Install it with 'apt-get install -y dbus-daemon' (or run .ci/install-test-packages.sh as root).");
        }

        string? previous = Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS");
        FakeBluetooth? bluez = null;
        try
        {
            Environment.SetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS", bus.Address);
            bluez = FakeBluetooth.StartAsync(bus.Address).GetAwaiter().GetResult();
            FakePeripheral peripheral = bluez.AddPeripheral(new FakePeripheralOptions { AttMtu = attMtu, Device = device });
            peripheral.Link.Pacing = pacing;
            return new FakeBleDevice(bus, bluez, peripheral, previous);
        }
        catch
        {
            bluez?.Dispose();
            bus.Dispose();
            Environment.SetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS", previous);
            throw;
        }
    }

    public void Dispose()
    {
        _bluez.Dispose();
        _bus.Dispose();
        Environment.SetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS", _previousBus);
    }
}
