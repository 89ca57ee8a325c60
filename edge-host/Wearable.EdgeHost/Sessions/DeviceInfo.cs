using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Sessions;

/// <summary>What a device says about itself when a session connects (its Hello answer, in host terms).</summary>
/// <param name="DeviceId">Lowercase hex id; the key store files keys under it.</param>
/// <param name="Board">Board name, e.g. "virtual" or "esp32-emg".</param>
/// <param name="Firmware">Firmware version as major.minor.patch.</param>
/// <param name="ProtocolVersion">Link protocol version the firmware speaks.</param>
/// <param name="ChannelCount">Channels the device samples.</param>
/// <param name="SampleRateHz">Samples per second per channel.</param>
/// <param name="AdcBits">ADC resolution.</param>
/// <param name="MicrovoltsPerCount">Scale of one sample count (1 when the device states none).</param>
/// <param name="ActiveModelSlot">Slot of the model the device runs, or null for none.</param>
/// <param name="PairingWindowOpen">True while the device accepts pairing.</param>
/// <param name="Capabilities">Capability bits (see docs/protocol.md).</param>
public sealed record DeviceInfo(
    string DeviceId,
    string Board,
    string Firmware,
    int ProtocolVersion,
    int ChannelCount,
    int SampleRateHz,
    int AdcBits,
    double MicrovoltsPerCount,
    int? ActiveModelSlot,
    bool PairingWindowOpen,
    uint Capabilities)
{
    internal static DeviceInfo From(DeviceInfoMessage message) => new(
        Convert.ToHexStringLower(message.DeviceId),
        message.GetBoardName(),
        message.FirmwareMajor + "." + message.FirmwareMinor + "." + message.FirmwarePatch,
        message.ProtocolVersion,
        message.ChannelCount,
        message.SampleRateHz,
        message.AdcBits,
        message.NanovoltsPerLsb > 0 ? message.NanovoltsPerLsb / 1000.0 : 1.0,
        message.ActiveModelSlot == DeviceInfoMessage.NoActiveModel ? null : message.ActiveModelSlot,
        (message.Status & LinkDeviceStatus.PairingArmed) != 0,
        message.Capabilities);
}
