namespace Wearable.EdgeHost.Connections;

/// <summary>How the host reaches a device.</summary>
public enum ConnectionKind
{
    /// <summary>A serial port or pseudo-terminal, driven through System.IO.Ports.</summary>
    Serial,

    /// <summary>TCP, e.g. a virtual device listening on loopback.</summary>
    Tcp,

    /// <summary>A virtual device started inside this process.</summary>
    Simulated,

    /// <summary>Bluetooth Low Energy through BlueZ (<c>ble://AA:BB:CC:DD:EE:FF</c>, docs/ble.md).</summary>
    Ble,
}
