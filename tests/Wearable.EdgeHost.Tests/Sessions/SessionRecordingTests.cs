using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;
using Wearable.EdgeHost.Tests.Recording;

namespace Wearable.EdgeHost.Tests.Sessions;

public sealed class SessionRecordingTests : IDisposable
{
    private readonly TempFiles _files = new();

    [Fact]
    public async Task A_recorded_session_reads_back_identically_and_passes_the_spec_check()
    {
        using var device = new VirtualDeviceFixture(channels: 6, rate: 1000, fast: true);
        await using DeviceSession session = await device.OpenPreparedAsync();
        var counts = new List<short[]>();
        session.BlockReceived += b =>
        {
            lock (counts)
            {
                counts.Add(b.Counts);
            }
        };
        MarkerPlacement? placed = null;
        session.MarkerPlaced += m => placed = m;
        string path = _files.Path("session.edf");
        SessionRecorder recorder = SessionRecorder.Start(session, path);
        using var delivered = new DeliveryTracker(session, device.Board);
        await session.StartStreamAsync(new StreamSelection { BlockSamples = 25 });
        await SessionWait.UntilSamplesAsync(session, 1500);
        session.InsertMarker(3);
        await SessionWait.UntilSamplesAsync(session, 3000);
        await session.StopStreamAsync();

        // So the recorder and this test's own list saw the same blocks: all of them.
        await delivered.AllDeliveredAsync();

        recorder.Dispose();

        short[] all;
        lock (counts)
        {
            all = counts.SelectMany(c => c).ToArray();
        }

        int samples = all.Length / 6;
        SpecHeaderCheck.Facts facts = SpecHeaderCheck.Check(path);
        Assert.Equal(7, facts.Signals);
        Assert.StartsWith("EDF+C", facts.Reserved);
        Assert.Equal((samples + 999) / 1000, facts.Records);

        using EdfReader reader = EdfReader.Open(path);
        Assert.Equal(1000, reader.SampleRate(0));
        Assert.Equal("uV", reader.Header.Signals[0].PhysicalDimension);
        for (int c = 0; c < 6; c++)
        {
            int[] digital = reader.ReadDigital(c);
            for (int s = 0; s < samples; s++)
            {
                Assert.Equal(all[(s * 6) + c], digital[s]);
            }

            // The padding after the last sample is zeros.
            Assert.All(digital.Skip(samples), d => Assert.Equal(0, d));
            double[] physical = reader.ReadPhysical(c);
            Assert.Equal(all[c] * session.Board!.MicrovoltsPerCount, physical[0], 6);
        }

        var annotations = reader.ReadAnnotations();
        EdfAnnotation marker = Assert.Single(annotations, a => a.Text == "marker 3");
        Assert.NotNull(placed);
        Assert.Equal(3.0, placed.Value);

        // Blocks of 25 from sequence 0: the marked sample's index fixes its onset exactly.
        double expectedOnset = ((placed.BlockSequence * 25) + placed.SampleIndex) / 1000.0;
        Assert.Equal(expectedOnset, marker.Onset, 6);
        Assert.Contains(annotations, a => a.Text.StartsWith("recording end", StringComparison.Ordinal));
    }

    public void Dispose() => _files.Dispose();
}
