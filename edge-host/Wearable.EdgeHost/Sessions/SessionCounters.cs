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
    long InferenceEvents)
{
    /// <summary>Samples per channel in the lost blocks (device ring overflow or link loss).</summary>
    public long LostSamples { get; init; }

    /// <summary>Block counter jumps taken as a restart rather than a loss.</summary>
    public long Resyncs { get; init; }
}
