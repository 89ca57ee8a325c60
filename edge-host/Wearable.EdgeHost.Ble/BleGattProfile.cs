namespace Wearable.EdgeHost.Ble;

/// <summary>
/// The Wearable GATT service (docs/ble.md, "Profile"): our own 128-bit UUIDs in the Nordic UART layout
/// (one notify characteristic device -> host, one write characteristic host -> device) plus an info
/// characteristic readable before pairing. The values carry the same COBS/CRC link frames as serial,
/// split into ATT values of at most MTU - 3 bytes.
/// </summary>
public static class BleGattProfile
{
    public const string ServiceUuid = "5e1f0001-8b3c-4d7a-9f21-0c6a3f8e2b47";

    /// <summary>Host -> device link bytes: write without response (also accepts write with response).</summary>
    public const string CommandUuid = "5e1f0002-8b3c-4d7a-9f21-0c6a3f8e2b47";

    /// <summary>Device -> host link bytes: notify.</summary>
    public const string StreamUuid = "5e1f0003-8b3c-4d7a-9f21-0c6a3f8e2b47";

    /// <summary>Readable without pairing: UTF-8 <c>Wearable id=&lt;hex&gt; board=&lt;name&gt;</c>.</summary>
    public const string InfoUuid = "5e1f0004-8b3c-4d7a-9f21-0c6a3f8e2b47";

    /// <summary>ATT's smallest MTU (every LE link starts with it) and BlueZ's largest.</summary>
    public const int MinimumAttMtu = 23;

    public const int MaximumAttMtu = 517;

    /// <summary>ATT notification and write headers take 3 bytes (opcode + handle) of each ATT_MTU-sized PDU.</summary>
    public const int AttHeaderBytes = 3;
}
