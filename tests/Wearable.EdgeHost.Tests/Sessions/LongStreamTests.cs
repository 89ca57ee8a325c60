using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>
/// Ten minutes of device time at 16 ch x 2 kHz over a pty, played as fast as the link drains it: every
/// block arrives, and after warm-up the heap stays flat (no per-block leak) and allocation per block
/// is bounded. The heap and allocation figures are process-wide, so the test runs alone: beside other
/// test classes they would count those classes' allocations too.
/// </summary>
[Collection(ProcessWideMeasurements.Name)]
public sealed class LongStreamTests
{
    [Fact]
    public async Task Ten_minutes_at_16_channels_2kHz_lose_nothing_and_do_not_grow_memory()
    {
        const int Rate = 2000;
        const int BlockSamples = 25;
        const long TotalSamples = 10L * 60 * Rate;
        const long WarmUpSamples = 60L * Rate;
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
            next = Math.Min(TotalSamples, next + (60L * Rate));
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

        // A leak of even 100 bytes per block would add ~4.3 MB over these 43,000 blocks.
        Assert.True(heapAtEnd - heapAfterWarmUp < 2_000_000, $"heap grew {heapAtEnd - heapAfterWarmUp} bytes after warm-up");

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
