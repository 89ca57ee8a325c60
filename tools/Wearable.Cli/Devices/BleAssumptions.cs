using Wearable.FakeBlueZ;

namespace Wearable.Cli.Devices;

/// <summary>
/// The radio the BLE link bench assumes (docs/ble.md, "What fits"): a 7.5 ms connection interval (the
/// shortest BLE allows, which the ESP32 asks for) and one notification per connection event, which is
/// what ESP-IDF's NimBLE throughput example sustains per event on average (about 340 kbit/s at MTU 512).
/// </summary>
public static class BleAssumptions
{
    public static readonly TimeSpan ConnectionInterval = TimeSpan.FromMilliseconds(7.5);

    public const int NotificationsPerEvent = 1;

    public static RadioPacing Pacing() => new(ConnectionInterval, NotificationsPerEvent);
}
