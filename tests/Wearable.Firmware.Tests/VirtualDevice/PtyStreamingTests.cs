using System.Diagnostics;
using Wearable.EdgeHost.Link;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>
/// The streaming acceptance over a real pseudo-terminal: 16 ch x 2 kHz through a link capped
/// like a 921600-baud UART, device time running as fast as the cap allows.
/// </summary>
public sealed class PtyStreamingTests
{
    private const int Channels = 16;
    private const int Rate = 2000;
    private const int BlockFrames = 25; // 80 blocks per second, 816-byte payloads
    private const int Baud = 921600;

    private static VirtualDeviceOptions Options(int seed, LinkImpairments impairments) => new()
    {
        Channels = Channels,
        SampleRate = Rate,
        Seed = seed,
        RealTime = false,
        Impairments = impairments,
        PairingWindow = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public void Sixty_seconds_of_16ch_2kHz_over_a_921600_baud_pty_lose_no_block()
    {
        const int seed = 11;
        const int blocks = 60 * Rate / BlockFrames;
        var cap = new LinkImpairments { BytesPerSecond = LinkImpairments.UartBytesPerSecond(Baud) };
        using var session = new PtySession(Options(seed, cap));
        session.PairAndAuthenticate(HostCredentials.Create());

        var expected = new ExpectedSignal(Channels, Rate, seed);
        long bytesBefore = session.Client.BytesReceived;
        var wall = Stopwatch.StartNew();
        session.Client.StartStream(LinkStreamKind.Raw, BlockFrames, 0xFFFF);
        long firstTimestamp = 0;
        for (uint n = 0; n < blocks; n++)
        {
            ReceivedBlock block = session.Client.ReceiveBlock(TimeSpan.FromSeconds(10))
                ?? throw new Xunit.Sdk.XunitException($"Block {n} of {blocks} did not arrive (decoder: {session.Client.Decoder.FramesRejected} rejected frames).");
            Assert.Equal(n, block.BlockSequence);
            Assert.Equal(Channels, block.ChannelCount);
            Assert.Equal(BlockFrames, block.SampleCount);
            if (n == 0)
            {
                firstTimestamp = block.TimestampMicros;
            }

            Assert.Equal(firstTimestamp + (n * BlockFrames * 1_000_000L / Rate), block.TimestampMicros);
            Assert.Equal(expected.Frames(expected.FrameIndexAt(block.TimestampMicros), BlockFrames), block.Values);
        }

        double seconds = wall.Elapsed.TotalSeconds;
        long bytes = session.Client.BytesReceived - bytesBefore;

        Assert.Equal(0, session.Board.Device.Ring.FramesDropped);
        Assert.Equal(0, session.Client.Decoder.FramesRejected);
        Assert.DoesNotContain(session.Client.Notices(), n => n.Type == LinkMessageType.Error);

        // The cap holds: the line cannot have carried more than 92 160 B/s (one frame of burst allowed).
        double capBytes = (LinkImpairments.UartBytesPerSecond(Baud) * seconds) + LinkProtocol.MaxEncodedFrameLength;
        Assert.True(bytes <= capBytes, $"{bytes} B arrived in {seconds:F2} s: more than a {Baud}-baud line carries ({capBytes:F0} B).");
    }

    [Fact]
    public void Every_corrupted_frame_is_detected_and_the_stream_continues()
    {
        const int seed = 5;
        const int blocks = 15 * Rate / BlockFrames;
        var impairments = new LinkImpairments
        {
            BytesPerSecond = LinkImpairments.UartBytesPerSecond(Baud),
            CorruptionRate = 1e-4,
            Seed = 2024,
        };
        using var session = new PtySession(Options(seed, impairments), traceFrames: true);
        ImpairedTransport line = session.Board.Impaired!;
        line.ErrorsEnabled = false;
        session.PairAndAuthenticate(HostCredentials.Create());
        session.Client.StartStream(LinkStreamKind.Raw, BlockFrames, 0xFFFF);
        line.ErrorsEnabled = true;

        var expected = new ExpectedSignal(Channels, Rate, seed);
        var delivered = new Dictionary<long, ReceivedBlock>();
        uint last = 0;
        while (last < blocks - 1)
        {
            ReceivedBlock block = session.Client.ReceiveBlock(TimeSpan.FromSeconds(10))
                ?? throw new Xunit.Sdk.XunitException($"The stream stopped after block {last}.");

            // Whatever got through must be exactly what the device sent.
            Assert.Equal(expected.Frames(expected.FrameIndexAt(block.TimestampMicros), BlockFrames), block.Values);
            delivered[block.EndByteIndex] = block;
            last = block.BlockSequence;
        }

        line.ErrorsEnabled = false;
        CorruptedByte[] corrupted = line.CorruptedBytes();
        FrameBoundary[] received = session.Client.Boundaries();
        long end = received[^1].DelimiterIndex;
        corrupted = corrupted.Where(c => c.Index <= end).ToArray();
        Assert.True(corrupted.Length >= 20, $"Only {corrupted.Length} bytes were corrupted: the test would prove little.");

        // The frames as the device sent them: received delimiters, minus bytes corrupted into 0x00,
        // plus delimiters that corruption turned into something else.
        var sentDelimiters = new SortedSet<long>(received.Select(b => b.DelimiterIndex));
        foreach (CorruptedByte c in corrupted)
        {
            if (c.Corrupted == 0)
            {
                sentDelimiters.Remove(c.Index);
            }

            if (c.Original == 0)
            {
                sentDelimiters.Add(c.Index);
            }
        }

        var damagedSentFrames = new HashSet<long>();
        foreach (CorruptedByte c in corrupted)
        {
            damagedSentFrames.Add(sentDelimiters.GetViewBetween(c.Index, long.MaxValue).Min);
            if (c.Original == 0 && sentDelimiters.GetViewBetween(c.Index + 1, end).Count > 0)
            {
                // A lost delimiter merges this frame with the next one, so the next is lost as well.
                damagedSentFrames.Add(sentDelimiters.GetViewBetween(c.Index + 1, end).Min);
            }
        }

        // A delivered frame is genuine only if its span is exactly one sent frame and that frame is intact.
        long previous = -1;
        int deliveredFrames = 0;
        foreach (FrameBoundary boundary in received)
        {
            if (boundary.Delivered)
            {
                deliveredFrames++;
                bool oneWholeSentFrame = sentDelimiters.Contains(boundary.DelimiterIndex)
                    && sentDelimiters.GetViewBetween(previous + 1, boundary.DelimiterIndex).Count == 1;
                Assert.True(oneWholeSentFrame && !damagedSentFrames.Contains(boundary.DelimiterIndex),
                    $"The frame ending at byte {boundary.DelimiterIndex} was delivered although corrupted.");
            }

            previous = boundary.DelimiterIndex;
        }

        // Every damaged frame was dropped, the intact ones all arrived, and blocks kept coming after the last error.
        int sentFrames = sentDelimiters.Count(d => d <= end);
        Assert.Equal(sentFrames - damagedSentFrames.Count, deliveredFrames);
        Assert.True(session.Client.Decoder.FramesRejected > 0);
        Assert.Contains(delivered.Keys, k => k > corrupted[^1].Index);
    }
}
