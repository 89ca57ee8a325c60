namespace Wearable.EdgeHost.Sessions;

/// <summary>One channel's calibration as the device applies it (Q16 gain, offset and noise threshold in counts).</summary>
public sealed record DeviceChannelCalibration(int GainQ16, short OffsetCounts, short NoiseThresholdCounts);
