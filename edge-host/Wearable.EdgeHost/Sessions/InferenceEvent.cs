namespace Wearable.EdgeHost.Sessions;

/// <summary>A classification the device's on-board model reported (class id, Q15 score), timed on the host clock.</summary>
public sealed record InferenceEvent(uint Sequence, int ClassId, double Score, long DeviceTimestampMicros, double UnixTimestamp, long ReceivedTicks);
