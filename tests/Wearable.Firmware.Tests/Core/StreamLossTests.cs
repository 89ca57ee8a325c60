using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Core;

/// <summary>
/// Issue 13 item 4, device side: a link slower than the stream (a 115200-baud UART under 16 ch x 2 kHz)
/// keeps the main loop in Write, the ring overflows, and the blocks it lost must show as a sequence gap.
/// </summary>
public sealed class StreamLossTests
{
    private const int BlockFrames = 16;
    private const int SampleRate = 2000;

    [Fact]
    public void Blocks_lost_to_ring_overflow_on_a_slow_uart_advance_the_block_sequence()
    {
        var (device, host, clock) = AuthenticatedTestDevice.Create(channels: 16, sampleRate: SampleRate);
        // Ten bits per byte on the wire: every write holds the main loop (and so the device clock) that long.
        host.Written = bytes => clock.Advance(bytes * 10L * 1_000_000 / 115_200);
        host.Send(new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = BlockFrames, ChannelMask = 0xFFFF });
        device.Poll();

        var blocks = new List<(uint Sequence, long Timestamp)>();
        var block = new SampleBlockMessage();
        for (int pass = 0; pass < 400; pass++)
        {
            clock.Advance(1000);
            device.Poll();
            host.TakeEach(block, () => blocks.Add((block.BlockSequence, block.TimestampMicros)));
        }

        long blockMicros = BlockFrames * 1_000_000L / SampleRate;
        long skipped = 0;
        for (int i = 1; i < blocks.Count; i++)
        {
            long gap = blocks[i].Sequence - blocks[i - 1].Sequence;
            Assert.True(gap >= 1, $"block {i}: sequence went from {blocks[i - 1].Sequence} to {blocks[i].Sequence}");
            Assert.Equal(gap * blockMicros, blocks[i].Timestamp - blocks[i - 1].Timestamp);
            skipped += gap - 1;
        }

        Assert.True(device.Ring.FramesDropped > 0, "The slow link should have overflowed the ring.");
        Assert.True(skipped > 0, "No sequence gap although frames were dropped: the loss is silent.");
        Assert.Equal(device.Stream.BlocksDropped, skipped + blocks[0].Sequence);
        Assert.Equal(device.Ring.FramesDropped, device.Stream.BlocksDropped * BlockFrames);
    }

    [Fact]
    public void A_link_fast_enough_sends_every_block_in_order()
    {
        var (device, host, clock) = AuthenticatedTestDevice.Create(channels: 4, sampleRate: SampleRate);
        host.Send(new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = BlockFrames, ChannelMask = 0xF });
        device.Poll();
        var sequences = new List<uint>();
        var block = new SampleBlockMessage();
        for (int pass = 0; pass < 200; pass++)
        {
            clock.Advance(1000);
            device.Poll();
            host.TakeEach(block, () => sequences.Add(block.BlockSequence));
        }

        Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => (uint)i), sequences);
        Assert.Equal(0, device.Stream.BlocksDropped);
        Assert.Equal(0, device.Ring.FramesDropped);
    }
}
