using Wearable.EdgeHost.Link;
using Wearable.Kernels.Link;

namespace Wearable.Hil.Streaming;

/// <summary>Where the device's stream first differs from the desktop's (frame index counted from the device's first sample).</summary>
public sealed record StreamDivergence(long Frame, int Channel, short? Expected, short? Actual, string Detail);

/// <summary>What a streaming comparison covered and where it first diverged (null = identical).</summary>
public sealed record StreamingHilReport(LinkStreamKind Kind, int Blocks, long Frames, int Channels, StreamDivergence? FirstDivergence)
{
    public bool Success => FirstDivergence is null && Frames > 0;
}

/// <summary>
/// The desktop side of a streaming comparison: the same samples the device's source plays, processed
/// in-process. <see cref="Expected"/> is called with contiguous frame ranges, in order.
/// </summary>
public interface IStreamReference
{
    /// <summary>Interleaved values the device should send for <paramref name="frames"/> frames starting at device frame <paramref name="firstFrame"/>.</summary>
    short[] Expected(long firstFrame, int frames);
}

/// <summary>
/// Streaming HIL: starts a stream on an authenticated device whose sample source replays a recording,
/// and compares every received value with the desktop's, sample by sample, stopping at the first
/// divergence (a dropped block is a divergence too: the frame ranges must be contiguous).
/// </summary>
public static class StreamingHil
{
    public static StreamingHilReport Compare(DeviceLinkClient client, LinkStreamKind kind, int channels, int sampleRate, int blockFrames, int blocks, IStreamReference reference, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(reference);
        uint mask = channels >= 32 ? uint.MaxValue : (1u << channels) - 1;
        client.StartStream(kind, blockFrames, mask);
        long frames = 0;
        long? nextFrame = null;
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                ReceivedBlock? block = client.ReceiveBlock(timeout);
                if (block is null)
                {
                    return Diverged(kind, b, frames, channels, nextFrame ?? 0, $"no block {b} within {timeout.TotalSeconds:F1} s");
                }

                long first = block.TimestampMicros * sampleRate / 1_000_000;
                if (nextFrame is long expectedStart && first != expectedStart)
                {
                    return Diverged(kind, b, frames, channels, expectedStart, $"block {b} starts at frame {first}, expected {expectedStart} (samples dropped)");
                }

                if (block.Kind != kind || block.ChannelCount != channels)
                {
                    return Diverged(kind, b, frames, channels, first, $"block {b} is {block.Kind} with {block.ChannelCount} channels");
                }

                short[] want = reference.Expected(first, block.SampleCount);
                for (int i = 0; i < want.Length; i++)
                {
                    if (want[i] != block.Values[i])
                    {
                        long frame = first + (i / channels);
                        int channel = i % channels;
                        var divergence = new StreamDivergence(frame, channel, want[i], block.Values[i],
                            $"frame {frame} channel {channel} (block {b}): expected {want[i]}, device sent {block.Values[i]}");
                        return new StreamingHilReport(kind, b + 1, frames + (i / channels), channels, divergence);
                    }
                }

                frames += block.SampleCount;
                nextFrame = first + block.SampleCount;
            }
        }
        finally
        {
            client.StopStream();
        }

        return new StreamingHilReport(kind, blocks, frames, channels, null);
    }

    private static StreamingHilReport Diverged(LinkStreamKind kind, int blocks, long frames, int channels, long frame, string detail) =>
        new(kind, blocks, frames, channels, new StreamDivergence(frame, -1, null, null, detail));
}
