using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>
/// What a session's stream becomes on disk, driven by a synthetic session on the device clock (no device,
/// no wall time): losses zero-filled and marked, every decision and marker written however many (issue 13 items 4, 5, 6).
/// </summary>
public sealed class StreamRecordingTests : IDisposable
{
    private const int Rate = 200;
    private const int Channels = 2;
    private const int BlockSamples = 25;
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly BoardDescription Board = new("test", Rate, ["EXG1", "EXG2"], 0.5);

    private static SampleBlock Block(uint sequence, long lostBefore = 0, bool resync = false, long? deviceMicros = null)
    {
        var counts = new short[BlockSamples * Channels];
        for (int s = 0; s < BlockSamples; s++)
        {
            counts[s * Channels] = (short)(((sequence * BlockSamples) + s) % 30000 + 1);
            counts[(s * Channels) + 1] = (short)-(((sequence * BlockSamples) + s) % 30000 + 1);
        }

        long micros = deviceMicros ?? (1_000_000 + (sequence * BlockSamples * 1_000_000L / Rate));
        return new SampleBlock(StreamKind.Raw, sequence, Channels, BlockSamples, counts, 0.5, micros, 0, 0)
        {
            LostSamplesBefore = lostBefore,
            ResynchronisedBefore = resync,
        };
    }

    private StreamRecording Open(string name, EdfVariant variant, out string path)
    {
        path = _files.Path(name);
        EdfWriter writer = EdfWriter.Create(path, SessionRecorder.Options(Board, variant));
        return new StreamRecording(writer, Channels, Rate, Rate);
    }

    [Fact]
    public void Lost_blocks_are_zero_filled_for_their_exact_length_and_marked_BAD_ACQ_SKIP()
    {
        StreamRecording recording = Open("gap.edf", EdfVariant.Edf, out string path);
        for (uint s = 0; s < 10; s++)
        {
            recording.Append(Block(s));
        }

        // Blocks 10..13 never arrived; the session says so on block 14.
        recording.Append(Block(14, lostBefore: 4 * BlockSamples));
        recording.AddInference(new InferenceEvent(0, 3, 0.5, 1_000_000 + (15 * BlockSamples * 5_000L), 0, 0));
        for (uint s = 15; s < 24; s++)
        {
            recording.Append(Block(s));
        }

        recording.Finish();

        using var reader = EdfReader.Open(path);
        int[] channel = reader.ReadDigital(0);
        for (int n = 0; n < 24 * BlockSamples; n++)
        {
            bool lost = n >= 10 * BlockSamples && n < 14 * BlockSamples;
            Assert.Equal(lost ? 0 : (n % 30000) + 1, channel[n]);
        }

        var annotations = reader.ReadAnnotations();
        EdfAnnotation gap = Assert.Single(annotations, a => a.Text.StartsWith(StreamRecording.LostSamplesLabel, StringComparison.Ordinal));
        Assert.Equal(10 * BlockSamples / (double)Rate, gap.Onset, 6);
        Assert.Equal(4 * BlockSamples / (double)Rate, gap.Duration!.Value, 6);
        EdfAnnotation decision = Assert.Single(annotations, a => a.Text.StartsWith("class 3", StringComparison.Ordinal));
        Assert.Equal(15 * BlockSamples / (double)Rate, decision.Onset, 6);
    }

    [Fact]
    public void A_counter_resync_is_marked_and_nothing_is_filled()
    {
        StreamRecording recording = Open("resync.edf", EdfVariant.Edf, out string path);
        recording.Append(Block(0));
        recording.Append(Block(1));
        recording.Append(Block(900, resync: true, deviceMicros: 40));
        recording.Finish();

        using var reader = EdfReader.Open(path);
        Assert.Contains(reader.ReadAnnotations(), a => a.Text.Contains("resynchronised", StringComparison.Ordinal) && Math.Abs(a.Onset - (2 * BlockSamples / (double)Rate)) < 1e-6);
        Assert.Equal(0, recording.LostSamplesFilled);
    }

    [Fact]
    public void Every_decision_and_marker_of_a_ten_minute_run_reaches_the_file()
    {
        // 40 decisions a second (the demo's rate is ~40/s), more than the 1024 annotation bytes of a record hold.
        StreamRecording recording = Open("long.edf", EdfVariant.Edf, out string path);
        int blocks = 10 * 60 * Rate / BlockSamples;
        int decisions = 0, markers = 0;
        for (uint s = 0; s < blocks; s++)
        {
            if (s % 40 == 7)
            {
                recording.AddMarker(new MarkerPlacement(s, 3, markers + 1, 0));
                markers++;
            }

            recording.Append(Block(s));
            for (int k = 0; k < 5; k++)
            {
                long micros = 1_000_000 + (((s * BlockSamples) + (k * 5)) * 1_000_000L / Rate);
                recording.AddInference(new InferenceEvent((uint)decisions, decisions % 7, 0.25, micros, 0, 0));
                decisions++;
            }
        }

        recording.Finish();

        using var reader = EdfReader.Open(path);
        var annotations = reader.ReadAnnotations();
        Assert.Equal(decisions, annotations.Count(a => a.Text.StartsWith("class ", StringComparison.Ordinal)));
        Assert.Equal(markers, annotations.Count(a => a.Text.StartsWith("marker ", StringComparison.Ordinal)));
        Assert.Equal(blocks * BlockSamples, reader.ReadDigital(0).Length);
        Assert.True(decisions > 20_000);
    }

    [Fact]
    public void Bdf_output_is_24_bit_biosemi_with_the_same_microvolts()
    {
        StreamRecording recording = Open("session.bdf", EdfVariant.Bdf, out string path);
        for (uint s = 0; s < 16; s++)
        {
            recording.Append(Block(s));
        }

        recording.AddInference(new InferenceEvent(0, 2, 0.75, 1_500_000, 0, 0));
        recording.Finish();

        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(0xFF, bytes[0]);
        Assert.Equal("BIOSEMI", System.Text.Encoding.ASCII.GetString(bytes, 1, 7));
        SpecHeaderCheck.Facts facts = SpecHeaderCheck.Check(path);
        Assert.Equal(3, facts.BytesPerSample);
        Assert.Equal("BDF Annotations", facts.Labels[^1]);

        using var reader = EdfReader.Open(path);
        Assert.Equal(EdfVariant.Bdf, reader.Header.Variant);
        int[] channel = reader.ReadDigital(1);
        Assert.Equal(-1, channel[0]);
        Assert.Equal(-(399 % 30000 + 1), channel[399]);
        Assert.Equal(-0.5, reader.ReadPhysical(1)[0], 3);
        Assert.Contains(reader.ReadAnnotations(), a => a.Text == "class 2 score 0.75" && Math.Abs(a.Onset - 0.5) < 1e-6);
    }

    [Theory]
    [InlineData("x.edf", EdfVariant.Edf)]
    [InlineData("x.BDF", EdfVariant.Bdf)]
    public void The_extension_picks_the_format(string path, EdfVariant expected) => Assert.Equal(expected, RecordingFormat.FromPath(path));

    [Fact]
    public void An_unknown_extension_is_refused_with_the_ones_that_work()
    {
        var error = Assert.Throws<ArgumentException>(() => RecordingFormat.FromPath("session.csv"));
        Assert.Contains(".edf", error.Message, StringComparison.Ordinal);
        Assert.Contains(".bdf", error.Message, StringComparison.Ordinal);
    }
}
