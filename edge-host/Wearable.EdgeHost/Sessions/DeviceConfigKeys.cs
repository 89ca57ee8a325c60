namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// ConfigGet keys the session reads (docs/protocol.md, "ConfigGet"). The firmware defines the same
/// numbers in its own DeviceConfigKey; the host cannot reference the firmware, so the protocol doc is the contract.
/// </summary>
internal static class DeviceConfigKeys
{
    public const int ActiveModelCrc = 0x100;
    public const int ActiveModelSize = 0x101;
    public const int ActiveModelVerified = 0x102;
}
