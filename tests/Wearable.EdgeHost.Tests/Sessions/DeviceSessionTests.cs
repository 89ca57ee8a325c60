using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Tests.Sessions;

public sealed class DeviceSessionTests
{
    [Fact]
    public async Task An_unpaired_host_is_told_to_run_wearable_pair()
    {
        using var device = new VirtualDeviceFixture(pairingOpen: false);
        await using DeviceSession session = await DeviceSession.ConnectAsync(device.Connection, device.Keys);
        var error = await Assert.ThrowsAsync<DeviceNotPairedException>(() => session.PrepareAsync());
        Assert.Contains("not paired: run 'wearable pair " + device.Connection.Text + "'", error.Message);
        Assert.Equal(session.DeviceId, error.DeviceId);
    }

    [Fact]
    public async Task Pairing_outside_the_window_is_refused_with_a_hint()
    {
        using var device = new VirtualDeviceFixture(pairingOpen: false);
        await using DeviceSession session = await DeviceSession.ConnectAsync(device.Connection, device.Keys);
        var error = await Assert.ThrowsAsync<Link.DeviceLinkException>(() => session.PairAsync());
        Assert.Contains("pairing button", error.Message);
        Assert.Empty(device.Keys.List());
    }

    [Fact]
    public async Task Rows_follow_the_board_description_and_match_the_blocks()
    {
        using var device = new VirtualDeviceFixture(channels: 4, rate: 500);
        await using DeviceSession session = await device.OpenPreparedAsync();
        BoardDescription board = session.Board!;
        Assert.Equal(4 + 3, board.RowCount);
        Assert.Equal(500, board.SamplingRate);

        var blocks = new List<SampleBlock>();
        session.BlockReceived += b =>
        {
            lock (blocks)
            {
                blocks.Add(b);
            }
        };
        using var delivered = new DeliveryTracker(session, device.Board);
        await session.StartStreamAsync(new StreamSelection { BlockSamples = 10 });
        await SessionWait.UntilSamplesAsync(session, 150);
        session.InsertMarker(7);

        // Wait for samples *after* the marker: under load this thread can wake up after the stream
        // has already passed any fixed count, and a marker with no later sample is never placed.
        await SessionWait.UntilSamplesAsync(session, Math.Max(300, session.Counters.Samples + 150));
        await session.StopStreamAsync();
        await delivered.AllDeliveredAsync();

        double[][] data = session.GetAllData();
        Assert.Equal(board.RowCount, data.Length);
        int n = data[0].Length;
        Assert.True(n >= 300, "only " + n + " samples");
        SampleBlock[] seen;
        lock (blocks)
        {
            seen = blocks.ToArray();
        }

        Assert.Equal(n, seen.Sum(b => b.SampleCount));
        int row = 0;
        foreach (SampleBlock block in seen)
        {
            for (int s = 0; s < block.SampleCount; s++, row++)
            {
                for (int c = 0; c < 4; c++)
                {
                    Assert.Equal(block.Microvolts(s, c), data[board.ExgRows[c]][row]);
                }

                Assert.Equal(block.Sequence, data[board.PackageCounterRow][row]);
            }
        }

        // Timestamps: UNIX seconds near now, increasing by one sample period.
        double now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        Assert.InRange(data[board.TimestampRow][n - 1], now - 30, now + 30);
        for (int i = 1; i < n; i++)
        {
            Assert.True(data[board.TimestampRow][i] > data[board.TimestampRow][i - 1], "timestamps not increasing at " + i);
        }

        Assert.Single(data[board.MarkerRow], m => m != 0);
        Assert.Contains(7.0, data[board.MarkerRow]);
        SessionCounters counters = session.Counters;
        Assert.Equal(0, counters.LostBlocks);
        Assert.Equal(seen.Length, counters.Blocks);
        Assert.Equal(0, counters.CrcErrors);
        Assert.Empty(session.GetAllData()[0]);
    }

    [Fact]
    public async Task ReadBlocksAsync_yields_consecutive_blocks_until_cancelled()
    {
        using var device = new VirtualDeviceFixture(channels: 2, rate: 1000, fast: true);
        await using DeviceSession session = await device.OpenPreparedAsync();
        await session.StartStreamAsync(new StreamSelection { Kind = StreamKind.Raw, BlockSamples = 20 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var sequences = new List<uint>();
        await foreach (SampleBlock block in session.ReadBlocksAsync(cancel.Token))
        {
            Assert.Equal(2, block.ChannelCount);
            Assert.Equal(20, block.SampleCount);
            sequences.Add(block.Sequence);
            if (sequences.Count == 50)
            {
                break;
            }
        }

        Assert.Equal(50, sequences.Count);

        // Blocks arrive in order; a jump is only allowed where the device lost samples (its ring
        // overflowed on a loaded machine), and the session must have counted every such block.
        long skipped = 0;
        for (int i = 1; i < sequences.Count; i++)
        {
            Assert.True(sequences[i] > sequences[i - 1], $"block {sequences[i]} after {sequences[i - 1]}");
            skipped += sequences[i] - sequences[i - 1] - 1;
        }

        Assert.True(skipped <= session.Counters.LostBlocks, $"{skipped} blocks missing from the reader but {session.Counters.LostBlocks} counted lost");
    }

    [Fact]
    public async Task A_stored_key_is_reused_by_the_next_session()
    {
        using var device = new VirtualDeviceFixture();
        string id;
        await using (DeviceSession first = await device.OpenPreparedAsync())
        {
            id = first.DeviceId;
        }

        device.Board.PairingButton.Press(TimeSpan.Zero);
        await using DeviceSession second = await DeviceSession.ConnectAsync(device.Connection, device.Keys);
        await second.PrepareAsync();
        Assert.Equal(id, second.DeviceId);
        Assert.True(second.Clock.IsSynchronised);
    }
}
