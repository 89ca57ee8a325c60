using System.Security.Cryptography;

namespace Wearable.EdgeHost.Link;

/// <summary>A host's identity and the secret it gives a device when pairing (keep the secret private).</summary>
public sealed record HostCredentials(byte[] HostId, byte[] Secret)
{
    /// <summary>A fresh random identity and 32-byte secret.</summary>
    public static HostCredentials Create() => new(RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(32));
}
