using System.Security.Cryptography;
using Wearable.Firmware.Board;

namespace Wearable.VirtualDevice.Board;

/// <summary>The OS random generator, standing in for a hardware RNG.</summary>
public sealed class SystemEntropy : IEntropySource
{
    public void Fill(byte[] buffer, int offset, int count) => RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
}
