namespace Wearable.EdgeHost.Recording;

/// <summary>
/// The two on-disk sample widths: EDF stores 16-bit samples, BDF (BioSemi) 24-bit samples.
/// Both use the same header layout; "plus" (EDF+/BDF+) is a separate flag on <see cref="EdfHeader"/>.
/// </summary>
public enum EdfVariant
{
    /// <summary>European Data Format: version field "0", little-endian int16 samples.</summary>
    Edf,

    /// <summary>BioSemi Data Format: version byte 0xFF + "BIOSEMI", little-endian 24-bit two's complement samples.</summary>
    Bdf,
}
