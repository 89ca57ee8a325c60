namespace Wearable.EdgeHost.Sessions;

/// <summary>The model a device runs, as it reports it.</summary>
/// <param name="Slot">The slot it was committed to.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Crc32">The CRC-32 the device computed over the stored bytes.</param>
/// <param name="Verified">True when the device checked it on commit.</param>
public sealed record ActiveModel(int Slot, int Bytes, uint Crc32, bool Verified);
