namespace Wearable.EdgeHost.Sessions;

/// <summary>Where an inserted marker landed: block, sample within it, value and UNIX time.</summary>
public sealed record MarkerPlacement(uint BlockSequence, int SampleIndex, double Value, double UnixTimestamp);
