using Wearable.EdgeHost.Ble;
using Wearable.VirtualDevice;

namespace Wearable.FakeBlueZ;

/// <summary>How a fake peripheral looks and misbehaves.</summary>
public sealed record FakePeripheralOptions
{
    public string Address { get; init; } = "C0:FF:EE:00:00:01";

    public string Name { get; init; } = "wearable-virtual";

    /// <summary>Advertised service UUIDs; a foreign device advertises something else.</summary>
    public string[] Uuids { get; init; } = [BleGattProfile.ServiceUuid];

    /// <summary>The ATT MTU the link negotiates (23: the minimum; 247: a typical phone or BlueZ with DLE).</summary>
    public int AttMtu { get; init; } = 247;

    /// <summary>AcquireNotify/AcquireWrite answer NotSupported, forcing StartNotify/WriteValue.</summary>
    public bool RefuseAcquire { get; init; }

    /// <summary>The device object disappears while its services are being resolved.</summary>
    public bool VanishOnConnect { get; init; }

    /// <summary>The virtual device behind the radio; null for a foreign device with no Wearable firmware.</summary>
    public VirtualDeviceOptions? Device { get; init; } = new() { Channels = 4, SampleRate = 500, Transport = "inproc", PairingWindow = TimeSpan.FromMinutes(10), Quiet = true };
}
