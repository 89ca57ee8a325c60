using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>
/// Three minutes of device time at 16 ch x 2 kHz over a pty, played as fast as the link drains it: every
/// block arrives, and after warm-up the heap stays flat (no per-block leak) and allocation per block is
/// bounded. The heap and allocation figures are process-wide, so this class runs alone (the
/// process-wide measurements collection): what it measures is its own stream, not a neighbour's test.
/// Every wait is on a delivered block (SessionWait), never on a clock.
/// </summary>
[Collection(ProcessWideMeasurements.Name)]
public sealed class LongStreamTests
{
    /// <summary>Heap growth per block that counts as a leak (a retained block record alone is larger).</summary>
    private const long LeakBytesPerBlock = 40;

    [Fact]
    public async Task Three_minutes_at_16_channels_2kHz_lose_nothing_and_do_not_grow_memory()
    {
        const int Rate = 2000;
        const int BlockSamples = 25;
        const long TotalSamples = 3L * 60 * Rate;
        const long WarmUpSamples = 20L * Rate;
        using var device = new VirtualDeviceFixture(channels: 16, rate: Rate, fast: true);
        await using DeviceSession session = await device.OpenPreparedAsync(new DeviceSessionOptions { BufferSeconds = 10 });
        await session.StartStreamAsync(new StreamSelection { BlockSamples = BlockSamples });

        await SessionWait.UntilSamplesAsync(session, WarmUpSamples);
        session.GetAllData();
        long heapAfterWarmUp = SettledHeap();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long blocksBefore = session.Counters.Blocks;

        // Drain the buffer now and then like an application would, so it is always being reused.
        long next = WarmUpSamples;
        while (next < TotalSamples)
        {
            next = Math.Min(TotalSamples, next + (20L * Rate));
            await SessionWait.UntilSamplesAsync(session, next);
            session.GetCurrentData(100);
        }

        await session.StopStreamAsync();
        long blocks = session.Counters.Blocks - blocksBefore;
        long allocatedPerBlock = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / Math.Max(1, blocks);
        long heapAtEnd = SettledHeap();

        SessionCounters counters = session.Counters;
        Assert.True(counters.Samples >= TotalSamples);
        Assert.Equal(0, counters.LostBlocks);
        Assert.Equal(0, counters.Gaps);
        Assert.Equal(0, counters.CrcErrors);
        Assert.Equal(0, device.Board.Device.Ring.FramesDropped);

        // ~12,800 blocks after warm-up: a leak of 40 bytes per block would add ~0.5 MB.
        Assert.True(blocks > 12_000, $"only {blocks} blocks after warm-up");
        Assert.True(heapAtEnd - heapAfterWarmUp < LeakBytesPerBlock * blocks, $"heap grew {heapAtEnd - heapAfterWarmUp} bytes over {blocks} blocks after warm-up");

        // The block's values array, the received record and the decoder copy: a few kB per block, not growing.
        Assert.True(allocatedPerBlock < 16_384, $"{allocatedPerBlock} bytes allocated per block");
    }

    private static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

