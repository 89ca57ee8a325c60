namespace Wearable.EdgeHost.Ble;

/// <summary>A Wearable device seen while scanning: its address, advertised name and signal strength.</summary>
public sealed record BleAdvertisement(string Address, string Name, short? Rssi)
{
    /// <summary>The connection string that reaches it.</summary>
    public string Connection => "ble://" + Address;
}
