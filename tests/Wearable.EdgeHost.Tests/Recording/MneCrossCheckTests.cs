using System.Diagnostics;
using System.Text.Json;
using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>
/// MNE-Python, an independent reader, opens what a session recording writes (EDF+ and 24-bit BDF+) and
/// sees our samples in volts, our rate and every annotation, the lost span included (issue 13 item 6).
/// </summary>
public sealed class MneCrossCheckTests : IDisposable
{
    private const int Rate = 250;
    private const int BlockSamples = 25;
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    // Prints what MNE read: channels, rate, samples, a few values in µV, and the annotations.
    private const string Script = """
        import json, sys, mne
        path = sys.argv[1]
        raw = mne.io.read_raw_bdf(path, preload=True, verbose='error') if path.endswith('.bdf') else mne.io.read_raw_edf(path, preload=True, verbose='error')
        data = raw.get_data()
        print(json.dumps({
            'channels': raw.ch_names,
            'rate': raw.info['sfreq'],
            'samples': int(data.shape[1]),
            'first': [round(float(v) * 1e6, 3) for v in data[1, :50]],
            'descriptions': [str(d) for d in raw.annotations.description],
            'onsets': [float(o) for o in raw.annotations.onset],
            'durations': [float(d) for d in raw.annotations.duration],
        }))
        """;

    [MneFact]
    public void Mne_reads_our_edf_plus_recording() => CheckWithMne("session.edf", EdfVariant.Edf);

    [MneFact]
    public void Mne_reads_our_24_bit_bdf_plus_recording() => CheckWithMne("session.bdf", EdfVariant.Bdf);

    private void CheckWithMne(string name, EdfVariant variant)
    {
        var board = new BoardDescription("test", Rate, ["EXG1", "EXG2", "EXG3"], 0.25);
        string path = _files.Path(name);
        var recording = new StreamRecording(EdfWriter.Create(path, SessionRecorder.Options(board, variant)), 3, Rate, Rate);
        for (uint s = 0; s < 40; s++)
        {
            if (s is >= 12 and < 15)
            {
                continue;
            }

            var counts = new short[BlockSamples * 3];
            for (int i = 0; i < counts.Length; i++)
            {
                counts[i] = (short)((((s * counts.Length) + i) * 37 % 20001) - 10000);
            }

            long micros = s * BlockSamples * 1_000_000L / Rate;
            recording.Append(new SampleBlock(StreamKind.Raw, s, 3, BlockSamples, counts, 0.25, micros, 0, 0) { LostSamplesBefore = s == 15 ? 3 * BlockSamples : 0 });
            recording.AddInference(new InferenceEvent(s, (int)(s % 5), 0.5, micros + 40_000, 0, 0));
        }

        recording.Finish();

        using var process = Process.Start(new ProcessStartInfo(MneFactAttribute.Python, ["-c", Script, path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "MNE could not read " + name + ": " + errors);

        using var mne = JsonDocument.Parse(output);
        JsonElement root = mne.RootElement;
        using var reader = EdfReader.Open(path);
        Assert.Equal(["EXG1", "EXG2", "EXG3"], root.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(Rate, root.GetProperty("rate").GetDouble());
        Assert.Equal(reader.ReadDigital(0).Length, root.GetProperty("samples").GetInt32());
        double[] ours = reader.ReadPhysical(1);
        double[] theirs = root.GetProperty("first").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (int i = 0; i < theirs.Length; i++)
        {
            Assert.Equal(ours[i], theirs[i], 2);
        }

        string[] descriptions = root.GetProperty("descriptions").EnumerateArray().Select(d => d.GetString()!).ToArray();
        Assert.Equal(reader.ReadAnnotations().Select(a => a.Text), descriptions);
        Assert.Equal(37, descriptions.Count(d => d.StartsWith("class ", StringComparison.Ordinal)));
        int gap = Array.FindIndex(descriptions, d => d.StartsWith(StreamRecording.LostSamplesLabel, StringComparison.Ordinal));
        Assert.Equal(12 * BlockSamples / (double)Rate, root.GetProperty("onsets")[gap].GetDouble(), 6);
        Assert.Equal(3 * BlockSamples / (double)Rate, root.GetProperty("durations")[gap].GetDouble(), 6);
    }
}
