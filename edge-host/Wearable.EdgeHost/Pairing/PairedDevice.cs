namespace Wearable.EdgeHost.Pairing;

/// <summary>
/// What the host remembers about a device it paired with: the device id (16 bytes, from DeviceInfo),
/// the shared HMAC key it generated and handed to the device during pairing, and when.
/// </summary>
public sealed record PairedDevice(string DeviceId, byte[] Secret, DateTimeOffset PairedAt, string? Name);
