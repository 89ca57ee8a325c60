namespace Wearable.EdgeHost.Sessions;

/// <summary>A snapshot of a session's link health.</summary>
public sealed record SessionCounters(
    long Blocks,
    long Samples,
    long LostBlocks,
    long Gaps,
    long StaleBlocks,
    long CrcErrors,
    long FramesRejected,
    long BytesReceived,
    long Reconnects,
    long InferenceEvents);
