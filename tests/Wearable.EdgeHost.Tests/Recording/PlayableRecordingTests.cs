using Wearable.EdgeHost.Recording;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>Issue 13 item 7: `play` keeps every channel's physical value and label, and refuses what it cannot play in one line.</summary>
public sealed class PlayableRecordingTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Write(string name, EdfSignal[] signals, double duration = 1.0, int records = 3)
    {
        string path = _files.Path(name);
        var options = new EdfWriterOptions { Signals = signals, RecordDuration = duration, StartTime = RecordingFixtures.Start };
        var random = new Random(9);
        using var writer = EdfWriter.Create(path, options);
        for (int r = 0; r < records; r++)
        {
            writer.WriteRecord(signals.Select(s => Enumerable.Range(0, s.SamplesPerRecord).Select(_ => random.Next(s.DigitalMinimum, s.DigitalMaximum + 1)).ToArray()).ToArray());
        }

        return path;
    }

    [Fact]
    public void Every_channel_keeps_its_physical_microvolts_and_label_on_one_common_scale()
    {
        EdfSignal[] signals =
        [
            EdfSignal.Data("Fp1", 100, -200, 200, -32768, 32767, "uV"),
            EdfSignal.Data("ECG", 100, -5, 5, -2048, 2047, "mV"),
            EdfSignal.Data("Resp", 100, -1000, 1000, -32768, 32767, "uV"),
        ];
        string path = Write("mixed.edf", signals);
        using var reader = EdfReader.Open(path);

        PlayableRecording playable = PlayableRecording.FromEdf(reader, 32, 64000);

        Assert.Equal(["Fp1", "ECG", "Resp"], playable.Labels);
        Assert.Equal(100, playable.SampleRate);
        double[] unitsToMicrovolts = [1, 1000, 1];
        for (int c = 0; c < 3; c++)
        {
            double[] physical = reader.ReadPhysical(c);
            for (int f = 0; f < playable.Frames; f++)
            {
                double played = playable.Samples[(f * 3) + c] * playable.NanovoltsPerLsb / 1000.0;
                Assert.True(Math.Abs(played - (physical[f] * unitsToMicrovolts[c])) <= playable.NanovoltsPerLsb / 1000.0, $"channel {c} frame {f}: {played} uV vs {physical[f] * unitsToMicrovolts[c]} uV");
            }
        }
    }

    [Fact]
    public void A_zero_record_duration_is_refused_with_what_to_fix()
    {
        string path = Write("zero.edf", [EdfSignal.Data("EMG", 10, -100, 100, -32768, 32767)]);
        byte[] bytes = File.ReadAllBytes(path);
        "0       "u8.CopyTo(bytes.AsSpan(244));
        File.WriteAllBytes(path, bytes);
        using var reader = EdfReader.Open(path);

        var error = Assert.Throws<EdfFormatException>(() => PlayableRecording.FromEdf(reader, 32, 64000));
        Assert.Contains("duration of a data record", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void A_rate_above_what_a_device_plays_is_refused()
    {
        string path = Write("fast.edf", [EdfSignal.Data("EMG", 100_000, -100, 100, -32768, 32767)], records: 1);
        using var reader = EdfReader.Open(path);
        var error = Assert.Throws<EdfFormatException>(() => PlayableRecording.FromEdf(reader, 32, 64000));
        Assert.Contains("100000 Hz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_channels_than_the_link_can_select_are_refused_not_zeroed()
    {
        string path = Write("wide.edf", Enumerable.Range(1, 40).Select(i => EdfSignal.Data("C" + i, 10, -100, 100, -32768, 32767)).ToArray());
        using var reader = EdfReader.Open(path);
        var error = Assert.Throws<EdfFormatException>(() => PlayableRecording.FromEdf(reader, 32, 64000));
        Assert.Contains("40 data signals", error.Message, StringComparison.Ordinal);
    }
}
