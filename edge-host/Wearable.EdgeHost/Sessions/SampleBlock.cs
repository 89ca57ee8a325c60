namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// One block of samples as the session delivers it: the device's int16 counts (interleaved, sample by
/// sample), the scale to microvolts and the host UNIX time of its first sample.
/// </summary>
public sealed record SampleBlock(
    StreamKind Kind,
    uint Sequence,
    int ChannelCount,
    int SampleCount,
    short[] Counts,
    double MicrovoltsPerCount,
    long DeviceTimestampMicros,
    double UnixTimestamp,
    long ReceivedTicks)
{
    /// <summary>Samples per channel lost just before this block (the blocks its counter skipped, times its length).</summary>
    public long LostSamplesBefore { get; init; }

    /// <summary>True when the counter jumped without the matching time step just before this block (how much was lost is unknown).</summary>
    public bool ResynchronisedBefore { get; init; }

    /// <summary>The value of <paramref name="channel"/> at <paramref name="sample"/> in microvolts.</summary>
    public double Microvolts(int sample, int channel) => Counts[(sample * ChannelCount) + channel] * MicrovoltsPerCount;
}
