namespace Wearable.Hil.Suites;

/// <summary>One input for a kernel and the bytes the desktop kernel produced for it.</summary>
public sealed record GoldenVector(byte[] Input, byte[] Expected);
