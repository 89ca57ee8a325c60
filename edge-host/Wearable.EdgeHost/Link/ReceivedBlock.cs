using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Link;

/// <summary>
/// One SampleBlock as received: its values copied out of the decoder, and the index (in the bytes
/// received on this link) of the frame's closing delimiter, so tests can tell which frame was which.
/// </summary>
public sealed record ReceivedBlock(
    LinkStreamKind Kind,
    int ChannelCount,
    int SampleCount,
    uint BlockSequence,
    long TimestampMicros,
    short[] Values,
    long EndByteIndex);

/// <summary>A frame delimiter seen on the link: where, and whether a valid frame ended there.</summary>
public readonly record struct FrameBoundary(long DelimiterIndex, bool Delivered);
